//! The header names (and words inside header names) of each column role,
//! English and Korean, normalised: lower case, letters and digits only.
//! Each list is in order of preference.

/// Customer id.
pub(crate) const CUSTOMER_NAMES: &[&str] = &[
    "customerid", "customer", "customerno", "customernumber", "custid", "clientid", "client", "userid", "user",
    "memberid", "member", "email", "고객번호", "고객id", "고객", "회원번호", "회원id", "회원", "id",
];
/// Order date.
pub(crate) const DATE_NAMES: &[&str] = &[
    "invoicedate", "orderdate", "date", "purchasedate", "transactiondate", "orderdatetime", "createdat", "주문일자",
    "주문일", "구매일자", "구매일", "결제일", "결제일자", "거래일자",
];
/// Amount (money per row).
pub(crate) const AMOUNT_NAMES: &[&str] = &[
    "amount", "revenue", "sales", "total", "totalamount", "ordertotal", "value", "금액", "결제금액", "매출",
    "판매금액", "주문금액",
];
/// Order id.
pub(crate) const ORDER_NAMES: &[&str] = &[
    "invoiceno", "invoice", "orderid", "orderno", "ordernumber", "order", "transactionid", "주문번호",
];
/// Quantity.
pub(crate) const QUANTITY_NAMES: &[&str] = &["quantity", "qty", "수량"];
/// Unit price.
pub(crate) const PRICE_NAMES: &[&str] = &["unitprice", "price", "단가"];
/// Words naming a customer inside a longer header (`Customer e-mail`).
pub(crate) const CUSTOMER_WORDS: &[&str] = &["customer", "client", "member", "email", "buyer", "고객", "회원", "구매자"];
/// Words naming a date inside a longer header.
pub(crate) const DATE_WORDS: &[&str] = &["date", "일자", "일시", "날짜", "timestamp"];
/// Words naming an amount inside a longer header.
pub(crate) const AMOUNT_WORDS: &[&str] = &["amount", "revenue", "sales", "total", "금액", "매출"];
/// Frequency (orders) of a customer table.
pub(crate) const FREQUENCY_NAMES: &[&str] = &[
    "frequency", "freq", "orders", "ordercount", "numorders", "numberoforders", "purchases", "purchasecount",
    "transactions", "구매횟수", "주문횟수", "구매빈도", "빈도",
];
/// Recency in days of a customer table.
pub(crate) const RECENCY_NAMES: &[&str] = &[
    "recency", "recencydays", "dayssincelastpurchase", "dayssincelastorder", "최근성", "경과일수", "최근구매경과일",
];
/// Last purchase date of a customer table.
pub(crate) const LAST_PURCHASE_NAMES: &[&str] = &[
    "lastpurchasedate", "lastpurchase", "lastorderdate", "lastorder", "최근구매일", "최종구매일", "마지막구매일",
];
/// Monetary value of a customer table.
pub(crate) const MONETARY_NAMES: &[&str] = &[
    "monetary", "monetaryvalue", "totalspent", "totalspend", "spend", "ltv", "lifetimevalue", "구매금액", "총구매금액",
    "누적구매금액",
];
