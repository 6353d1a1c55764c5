//! Plain-language names for clusters, from their members' typical scores.

use crate::rfm::Segment;

/// A cluster's name in English and Korean, and the RFM segment whose
/// recommended action fits it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterName {
    /// For example "Recent frequent big spenders".
    pub en: String,
    /// For example "최근 자주 구매하는 고액 고객".
    pub ko: String,
    /// The segment of the cluster's typical score code.
    pub segment: Segment,
}

/// Names a cluster from the median R, F and M scores (1–5) of its members and
/// their median number of orders. "one-time" is said only when the median
/// member ordered once.
///
/// ```
/// use segmenta::cluster::name_cluster;
/// use segmenta::rfm::Segment;
/// let best = name_cluster(5, 5, 5, 12.0);
/// assert_eq!((best.en.as_str(), best.segment), ("Recent frequent big spenders", Segment::Champions));
/// assert_eq!(best.ko, "최근 자주 구매하는 고액 고객");
/// assert_eq!(name_cluster(2, 1, 1, 2.0).en, "Lapsed occasional low spenders");
/// assert_eq!(name_cluster(1, 1, 1, 1.0).en, "Lapsed one-time low spenders");
/// ```
pub fn name_cluster(r: u8, f: u8, m: u8, median_orders: f64) -> ClusterName {
    let (recency, recency_ko) = match r {
        4..=5 => ("Recent", "최근"),
        3 => ("Fading", "뜸해지는"),
        _ => ("Lapsed", "이탈한"),
    };
    let (frequency, frequency_ko) = match f {
        _ if median_orders <= 1.0 => ("one-time", "1회 구매"),
        4..=5 => ("frequent", "자주 구매하는"),
        _ => ("occasional", "가끔 구매하는"),
    };
    let (spend, spend_ko) = match m {
        4..=5 => ("big spenders", "고액 고객"),
        3 => ("mid spenders", "중간 지출 고객"),
        _ => ("low spenders", "소액 고객"),
    };
    ClusterName {
        en: format!("{recency} {frequency} {spend}"),
        ko: format!("{recency_ko} {frequency_ko} {spend_ko}"),
        segment: Segment::of(r, f, m),
    }
}
