//! The standard segments: the 11-segment map over all 125 RFM codes
//! (../shared/rfm-segment-map.md), and each segment's one-line description
//! and recommended action — the playbook that data-driven maps refer to.

use serde::{Deserialize, Serialize};

/// A standard RFM segment: a name, a description and an action. "Others"
/// is where a map puts the customers none of its rules covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
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
    /// Not covered by any rule of the map.
    Others,
}

/// The default map: each segment with its codes, in the order of the published table.
pub(crate) const DEFAULT_CODES: [(Segment, &[u16]); 11] = [
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

/// Every user-visible text of a standard segment, in one table:
/// (segment, name, other names it is known by, description, action).
const PLAYBOOK: [(Segment, &str, &[&str], &str, &str); 12] = [
    (Segment::Champions, "Champions", &[], "Bought recently, buy often and spend the most.",
        "Retain: reward them, give early access to new products, ask for reviews and referrals."),
    (Segment::Loyal, "Loyal", &["Loyal Customers"], "Buy regularly and spend well.",
        "Up-sell higher-grade products, cross-sell related lines, offer a loyalty programme."),
    (Segment::PotentialLoyalist, "Potential Loyalist", &["Potential Loyalists"],
        "Recent customers with more than one purchase who could become loyal.",
        "Nurture: membership or loyalty offer, personalised recommendations."),
    (Segment::NewCustomers, "New Customers", &["Recent Customers"], "Bought recently, but not often yet.",
        "Onboard: make the second purchase easy, early cross-sell."),
    (Segment::Promising, "Promising", &[], "Recent shoppers who have not spent much yet.",
        "Build the relationship: brand story, limited free trials."),
    (Segment::NeedAttention, "Need Attention", &["Customers Needing Attention"],
        "Above-average customers who have not bought very recently.",
        "Limited-time, personalised offers based on past purchases."),
    (Segment::AboutToSleep, "About To Sleep", &[], "Below-average recency and frequency: slipping away.",
        "Reactivate with popular products and a reason to come back."),
    (Segment::AtRisk, "At Risk", &[], "Spent big and bought often, but long ago.",
        "Win back: personal messages, renewal offers, ask what went wrong."),
    (Segment::CannotLoseThem, "Cannot Lose Them", &["Can't Lose Them", "Cant Lose Them"],
        "Used to be among the best; have not come back for a long time.",
        "Win them back with the strongest offers; talk to them directly."),
    (Segment::Hibernating, "Hibernating", &[], "Last bought long ago, rarely, and for little.",
        "Low-cost reactivation; offer other relevant products."),
    (Segment::Lost, "Lost", &[], "The lowest recency scores: bought long ago.",
        "Let go: one last low-cost attempt, then stop spending on them (they hurt email deliverability)."),
    (Segment::Others, "Others", &[], "Scores that no rule of the segment map covers.",
        "No rule covers them: extend the map, or look at these customers one by one."),
];

impl Segment {
    /// The eleven segments of the default map, best first.
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

    /// The default-map segment of a code made of 1–5 scores, e.g.
    /// `Segment::of(5, 4, 5)`; scores outside 1..=5 are clamped into it.
    ///
    /// ```
    /// use segmenta::rfm::Segment;
    /// assert_eq!(Segment::of(5, 5, 5), Segment::Champions);
    /// assert_eq!(Segment::of(1, 1, 1), Segment::Lost);
    /// ```
    pub fn of(r: u8, f: u8, m: u8) -> Segment {
        let [r, f, m] = [r, f, m].map(|s| u16::from(s.clamp(1, 5)));
        let code = r * 100 + f * 10 + m;
        DEFAULT_CODES
            .iter()
            .find(|(_, codes)| codes.contains(&code))
            .map_or(Segment::Others, |(segment, _)| *segment)
    }

    /// The standard segment a map segment called `name` stands for, matching
    /// case, spacing and punctuation loosely and the usual other names
    /// ("Loyal Customers", "Can't Lose Them").
    ///
    /// ```
    /// use segmenta::rfm::Segment;
    /// assert_eq!(Segment::named("loyal customers"), Some(Segment::Loyal));
    /// assert_eq!(Segment::named("Can't Lose Them"), Some(Segment::CannotLoseThem));
    /// assert_eq!(Segment::named("VIP"), None);
    /// ```
    pub fn named(name: &str) -> Option<Segment> {
        let key = loose(name);
        PLAYBOOK
            .iter()
            .find(|(_, n, aliases, _, _)| loose(n) == key || aliases.iter().any(|a| loose(a) == key))
            .map(|(s, ..)| *s)
    }

    fn entry(self) -> &'static (Segment, &'static str, &'static [&'static str], &'static str, &'static str) {
        PLAYBOOK.iter().find(|e| e.0 == self).expect("every segment has a playbook entry")
    }

    /// The segment's display name.
    pub fn name(self) -> &'static str {
        self.entry().1
    }

    /// Who the segment's customers are, in one line.
    pub fn description(self) -> &'static str {
        self.entry().3
    }

    /// What to do with the segment's customers, in the map's wording.
    pub fn action(self) -> &'static str {
        self.entry().4
    }
}

fn loose(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
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
                    let holders = DEFAULT_CODES.iter().filter(|(_, codes)| codes.contains(&code)).count();
                    assert_eq!(holders, 1, "code {code}");
                }
            }
        }
        assert_eq!(DEFAULT_CODES.iter().map(|(_, c)| c.len()).sum::<usize>(), 125);
    }

    #[test]
    fn map_lists_segments_in_all_order() {
        let order: Vec<Segment> = DEFAULT_CODES.iter().map(|(s, _)| *s).collect();
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

    #[test]
    fn every_segment_has_a_name_description_and_action() {
        for s in Segment::ALL.into_iter().chain([Segment::Others]) {
            assert!(!s.name().is_empty() && s.description().ends_with('.') && s.action().ends_with('.'), "{s:?}");
            assert_eq!(Segment::named(s.name()), Some(s));
        }
    }
}
