//! The value-tier ladder shown next to the segments (after the customer
//! tiers in crm-brief.md: general, buying and premium customers, plus the
//! dormant ones to win back).

use serde::Serialize;

/// A rung of the ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ValueTier {
    /// Active, and among the top 20 % of customers by revenue.
    Premium,
    /// Active repeat buyers.
    Buyer,
    /// Active, one order so far.
    Occasional,
    /// Recency score in the lower half: not bought for a long time.
    Dormant,
}

/// Every tier's texts in one table: (tier, name, description, action).
const TIERS: [(ValueTier, &str, &str, &str); 4] = [
    (ValueTier::Premium, "Premium", "Active customers in the top 20% by revenue.",
        "Treat as premium: dedicated service, early access, a say in new products."),
    (ValueTier::Buyer, "Buyer", "Active customers with more than one order.",
        "Discounts on the next order, order history, cross-sell related lines."),
    (ValueTier::Occasional, "Occasional", "Active customers with one order so far.",
        "Newsletters with product and price information; make the second order easy."),
    (ValueTier::Dormant, "Dormant", "Recency score in the lower half: not bought for a long time.",
        "Low-cost win-back; stop spending on those who do not respond."),
];

impl ValueTier {
    /// Top tier first.
    pub const ALL: [ValueTier; 4] = [ValueTier::Premium, ValueTier::Buyer, ValueTier::Occasional, ValueTier::Dormant];

    fn entry(self) -> &'static (ValueTier, &'static str, &'static str, &'static str) {
        TIERS.iter().find(|t| t.0 == self).expect("every tier has texts")
    }

    /// Display name.
    pub fn name(self) -> &'static str {
        self.entry().1
    }

    /// Who is in the tier.
    pub fn description(self) -> &'static str {
        self.entry().2
    }

    /// What to do with them.
    pub fn action(self) -> &'static str {
        self.entry().3
    }
}

/// Each customer's tier: Dormant when the recency score is in the lower
/// half (at most bins ÷ 2, rounded down), else Premium when revenue is
/// positive and at least the revenue of the customer ranked at the top
/// 20 % mark, else Buyer with two or more orders, else Occasional.
///
/// ```
/// use segmenta::summary::{value_tiers, ValueTier};
/// let tiers = value_tiers(&[5, 5, 5, 1, 4], &[1, 3, 1, 9, 1], &[10.0, 20.0, 99.0, 50.0, 5.0], 5);
/// assert_eq!(tiers, [ValueTier::Occasional, ValueTier::Buyer, ValueTier::Premium, ValueTier::Dormant, ValueTier::Occasional]);
/// ```
pub fn value_tiers(r: &[u8], orders: &[u32], revenue: &[f64], bins: u8) -> Vec<ValueTier> {
    let mut sorted = revenue.to_vec();
    sorted.sort_unstable_by(|a, b| b.total_cmp(a));
    let top = (revenue.len() * 20).div_ceil(100).max(1);
    let premium_from = sorted.get(top - 1).copied().unwrap_or(f64::INFINITY);
    (0..revenue.len())
        .map(|i| {
            if r[i] <= bins / 2 {
                ValueTier::Dormant
            } else if revenue[i] > 0.0 && revenue[i] >= premium_from {
                ValueTier::Premium
            } else if orders[i] >= 2 {
                ValueTier::Buyer
            } else {
                ValueTier::Occasional
            }
        })
        .collect()
}
