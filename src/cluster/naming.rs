//! Plain-language names for clusters, from their members' typical scores.

use crate::rfm::Segment;

/// Names a cluster from the median R, F and M scores (1–5) of its members and
/// their median number of orders, e.g. "Recent frequent big spenders" or
/// "Lapsed one-time low spenders", and picks the RFM segment whose action
/// fits it. "one-time" is said only when the median member ordered once.
///
/// ```
/// use segmenta::cluster::name_cluster;
/// use segmenta::rfm::Segment;
/// assert_eq!(name_cluster(5, 5, 5, 12.0), ("Recent frequent big spenders".to_string(), Segment::Champions));
/// assert_eq!(name_cluster(2, 1, 1, 2.0).0, "Lapsed occasional low spenders");
/// assert_eq!(name_cluster(1, 1, 1, 1.0), ("Lapsed one-time low spenders".to_string(), Segment::Lost));
/// ```
pub fn name_cluster(r: u8, f: u8, m: u8, median_orders: f64) -> (String, Segment) {
    let recency = match r {
        4..=5 => "Recent",
        3 => "Fading",
        _ => "Lapsed",
    };
    let frequency = match f {
        _ if median_orders <= 1.0 => "one-time",
        4..=5 => "frequent",
        _ => "occasional",
    };
    let spend = match m {
        4..=5 => "big spenders",
        3 => "mid spenders",
        _ => "low spenders",
    };
    (format!("{recency} {frequency} {spend}"), Segment::of(r, f, m))
}
