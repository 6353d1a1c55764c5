//! The default 11-segment map over all 125 RFM codes, with the action each
//! segment calls for (../shared/rfm-segment-map.md).

use serde::Serialize;

/// A named RFM segment of the default map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Segment {
    /// Bought recently, often, and spend the most.
    Champions,
    /// Buy often and spend well.
    Loyal,
    /// Recent customers with average frequency who could become loyal.
    PotentialLoyalist,
    /// Bought recently for the first time or twice.
    NewCustomers,
    /// Recent shoppers who have not spent much yet.
    Promising,
    /// Above-average customers who have not bought very recently.
    NeedAttention,
    /// Below-average recency and frequency: slipping away.
    AboutToSleep,
    /// Spent big and bought often, but long ago.
    AtRisk,
    /// Used to be among the best; have not come back for a long time.
    CannotLoseThem,
    /// Last bought long ago, rarely, and for little.
    Hibernating,
    /// The lowest recency, frequency and monetary scores.
    Lost,
}

/// The map: each segment with its codes, in the order of the published table.
const MAP: [(Segment, &[u16]); 11] = [
    (Segment::Champions, &[555, 554, 544, 545, 454, 455, 445]),
    (Segment::Loyal, &[543, 444, 435, 355, 354, 345, 344, 335]),
    (
        Segment::PotentialLoyalist,
        &[553, 551, 552, 541, 542, 533, 532, 531, 452, 451, 442, 441, 431, 453, 433, 432, 423, 353, 352, 351, 342, 341, 333, 323],
    ),
    (Segment::NewCustomers, &[512, 511, 422, 421, 412, 411, 311]),
    (Segment::Promising, &[525, 524, 523, 522, 521, 515, 514, 513, 425, 424, 413, 414, 415, 315, 314, 313]),
    (Segment::NeedAttention, &[535, 534, 443, 434, 343, 334, 325, 324]),
    (Segment::AboutToSleep, &[331, 321, 312, 221, 213, 231, 241, 251]),
    (
        Segment::AtRisk,
        &[255, 254, 245, 244, 253, 252, 243, 242, 235, 234, 225, 224, 153, 152, 145, 143, 142, 135, 134, 133, 125, 124],
    ),
    (Segment::CannotLoseThem, &[155, 154, 144, 214, 215, 115, 114, 113]),
    (Segment::Hibernating, &[332, 322, 233, 232, 223, 222, 132, 123, 122, 212, 211]),
    (Segment::Lost, &[111, 112, 121, 131, 141, 151]),
];

impl Segment {
    /// Every segment, best first.
    pub const ALL: [Segment; 11] = [
        Segment::Champions,
        Segment::Loyal,
        Segment::PotentialLoyalist,
        Segment::NewCustomers,
        Segment::Promising,
        Segment::NeedAttention,
        Segment::AboutToSleep,
        Segment::AtRisk,
        Segment::CannotLoseThem,
        Segment::Hibernating,
        Segment::Lost,
    ];

    /// The segment of a code made of 1–5 scores, e.g. `Segment::of(5, 4, 5)`.
    /// Panics if a score is outside 1..=5 (scores come from [`super::score`]
    /// with 5 bins).
    ///
    /// ```
    /// use segmenta::rfm::Segment;
    /// assert_eq!(Segment::of(5, 5, 5), Segment::Champions);
    /// assert_eq!(Segment::of(1, 1, 1), Segment::Lost);
    /// ```
    pub fn of(r: u8, f: u8, m: u8) -> Segment {
        let code = u16::from(r) * 100 + u16::from(f) * 10 + u16::from(m);
        MAP.iter()
            .find(|(_, codes)| codes.contains(&code))
            .map(|(segment, _)| *segment)
            .unwrap_or_else(|| panic!("RFM code {code} is outside the 5-bin map"))
    }

    /// The segment's display name.
    pub fn name(self) -> &'static str {
        match self {
            Segment::Champions => "Champions",
            Segment::Loyal => "Loyal",
            Segment::PotentialLoyalist => "Potential Loyalist",
            Segment::NewCustomers => "New Customers",
            Segment::Promising => "Promising",
            Segment::NeedAttention => "Need Attention",
            Segment::AboutToSleep => "About To Sleep",
            Segment::AtRisk => "At Risk",
            Segment::CannotLoseThem => "Cannot Lose Them",
            Segment::Hibernating => "Hibernating",
            Segment::Lost => "Lost",
        }
    }

    /// What to do with the segment's customers, in the map's wording.
    pub fn action(self) -> &'static str {
        match self {
            Segment::Champions => "Retain: reward them, give early access to new products, ask for reviews and referrals.",
            Segment::Loyal => "Up-sell higher-grade products, cross-sell related lines, offer a loyalty programme.",
            Segment::PotentialLoyalist => "Nurture: membership or loyalty offer, personalised recommendations.",
            Segment::NewCustomers => "Onboard: make the second purchase easy, early cross-sell.",
            Segment::Promising => "Build the relationship: brand story, limited free trials.",
            Segment::NeedAttention => "Limited-time, personalised offers based on past purchases.",
            Segment::AboutToSleep => "Reactivate with popular products and a reason to come back.",
            Segment::AtRisk => "Win back: personal messages, renewal offers, ask what went wrong.",
            Segment::CannotLoseThem => "Win them back with the strongest offers; talk to them directly.",
            Segment::Hibernating => "Low-cost reactivation; offer other relevant products.",
            Segment::Lost => "Let go: one last low-cost attempt, then stop spending on them.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_in_exactly_one_segment() {
        for r in 1..=5u16 {
            for f in 1..=5u16 {
                for m in 1..=5u16 {
                    let code = r * 100 + f * 10 + m;
                    let holders = MAP.iter().filter(|(_, codes)| codes.contains(&code)).count();
                    assert_eq!(holders, 1, "code {code}");
                }
            }
        }
        assert_eq!(MAP.iter().map(|(_, c)| c.len()).sum::<usize>(), 125);
    }

    #[test]
    fn map_lists_segments_in_all_order() {
        let order: Vec<Segment> = MAP.iter().map(|(s, _)| *s).collect();
        assert_eq!(order, Segment::ALL);
    }

    #[test]
    fn samples_from_the_published_table() {
        assert_eq!(Segment::of(4, 4, 5), Segment::Champions);
        assert_eq!(Segment::of(3, 3, 5), Segment::Loyal);
        assert_eq!(Segment::of(2, 1, 5), Segment::CannotLoseThem);
        assert_eq!(Segment::of(2, 1, 1), Segment::Hibernating);
        assert_eq!(Segment::of(5, 1, 1), Segment::NewCustomers);
        assert_eq!(Segment::of(1, 5, 1), Segment::Lost);
    }
}
