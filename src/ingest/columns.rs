//! Finding the customer, date, amount and order columns in a header row.

use serde::{Deserialize, Serialize};

use super::IngestError;

/// Column names chosen by the user. Any role left `None` is guessed from
/// common header names (English and Korean).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ColumnSpec {
    /// The customer id column.
    pub customer: Option<String>,
    /// The order (or invoice) date column.
    pub date: Option<String>,
    /// The amount column (money per row).
    pub amount: Option<String>,
    /// The order id column; without one, every row counts as an order.
    pub order: Option<String>,
    /// The quantity column, used with `unit_price` when there is no amount.
    pub quantity: Option<String>,
    /// The unit price column, used with `quantity` when there is no amount.
    pub unit_price: Option<String>,
}

/// Where a row's money comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum AmountColumns {
    /// One column holds the row's amount.
    Amount {
        /// The column's index.
        index: usize,
        /// The column's header.
        name: String,
    },
    /// The amount is quantity × unit price.
    QuantityTimesPrice {
        /// The quantity column's index.
        quantity: usize,
        /// The unit price column's index.
        unit_price: usize,
        /// The two headers, "Quantity × UnitPrice".
        name: String,
    },
}

/// The columns used for each role, by index and header name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ColumnRoles {
    /// Customer id column index.
    pub customer: usize,
    /// Date column index.
    pub date: usize,
    /// Where the money comes from.
    pub amount: AmountColumns,
    /// Order id column index, if any.
    pub order: Option<usize>,
    /// The header names, in file order.
    pub headers: Vec<String>,
}

impl ColumnRoles {
    /// The header of column `index`.
    pub fn name(&self, index: usize) -> &str {
        &self.headers[index]
    }

    /// The largest column index any role needs.
    pub fn max_index(&self) -> usize {
        let amount = match self.amount {
            AmountColumns::Amount { index, .. } => index,
            AmountColumns::QuantityTimesPrice { quantity, unit_price, .. } => quantity.max(unit_price),
        };
        self.customer.max(self.date).max(amount).max(self.order.unwrap_or(0))
    }

    /// Resolves every role from the spec, guessing the ones it leaves open.
    pub fn detect(headers: Vec<String>, spec: &ColumnSpec) -> Result<ColumnRoles, IngestError> {
        let find = |role: &'static str, given: &Option<String>, names: &[&str]| -> Result<Option<usize>, IngestError> {
            match given {
                Some(name) => position_of(&headers, name)
                    .map(Some)
                    .ok_or_else(|| IngestError::UnknownColumn { role, name: name.clone(), found: headers.join(", ") }),
                None => Ok(guess(&headers, names)),
            }
        };
        let required = |role: &'static str, found: Option<usize>| {
            found.ok_or_else(|| IngestError::MissingColumn { role, found: headers.join(", ") })
        };
        let customer = required("customer id", find("customer id", &spec.customer, CUSTOMER_NAMES)?)?;
        let date = required("order date", find("order date", &spec.date, DATE_NAMES)?)?;
        let order = find("order id", &spec.order, ORDER_NAMES)?;
        let amount = match find("amount", &spec.amount, AMOUNT_NAMES)? {
            Some(index) => AmountColumns::Amount { index, name: headers[index].clone() },
            None => {
                let quantity = find("quantity", &spec.quantity, QUANTITY_NAMES)?;
                let unit_price = find("unit price", &spec.unit_price, PRICE_NAMES)?;
                match (quantity, unit_price) {
                    (Some(quantity), Some(unit_price)) => AmountColumns::QuantityTimesPrice {
                        quantity,
                        unit_price,
                        name: format!("{} × {}", headers[quantity], headers[unit_price]),
                    },
                    _ => return Err(IngestError::MissingColumn { role: "amount", found: headers.join(", ") }),
                }
            }
        };
        Ok(ColumnRoles { customer, date, amount, order, headers })
    }
}

const CUSTOMER_NAMES: &[&str] = &[
    "customerid", "customer", "customerno", "customernumber", "custid", "clientid", "client", "userid", "user",
    "memberid", "member", "email", "고객번호", "고객id", "고객", "회원번호", "회원id", "회원",
];
const DATE_NAMES: &[&str] = &[
    "invoicedate", "orderdate", "date", "purchasedate", "transactiondate", "orderdatetime", "createdat", "주문일자",
    "주문일", "구매일자", "구매일", "결제일", "결제일자", "거래일자",
];
const AMOUNT_NAMES: &[&str] = &[
    "amount", "revenue", "sales", "total", "totalamount", "ordertotal", "value", "금액", "결제금액", "매출",
    "판매금액", "주문금액",
];
const ORDER_NAMES: &[&str] = &[
    "invoiceno", "invoice", "orderid", "orderno", "ordernumber", "order", "transactionid", "주문번호",
];
const QUANTITY_NAMES: &[&str] = &["quantity", "qty", "수량"];
const PRICE_NAMES: &[&str] = &["unitprice", "price", "단가"];

/// Lower-case, letters and digits only: `Customer ID` → `customerid`.
fn normalise(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn position_of(headers: &[String], name: &str) -> Option<usize> {
    headers
        .iter()
        .position(|h| h == name)
        .or_else(|| headers.iter().position(|h| normalise(h) == normalise(name)))
}

/// The first header matching the earliest name in `names` (names are in
/// order of preference).
fn guess(headers: &[String], names: &[&str]) -> Option<usize> {
    let normalised: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    names.iter().find_map(|name| normalised.iter().position(|h| h == name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn guesses_english_names_in_any_case_and_spacing() {
        let roles = ColumnRoles::detect(headers(&["Order ID", "Customer ID", "Order Date", "Revenue"]), &ColumnSpec::default()).unwrap();
        assert_eq!((roles.customer, roles.date, roles.order), (1, 2, Some(0)));
        assert_eq!(roles.amount, AmountColumns::Amount { index: 3, name: "Revenue".into() });
    }

    #[test]
    fn guesses_korean_names() {
        let roles = ColumnRoles::detect(headers(&["주문번호", "회원ID", "주문일자", "결제금액"]), &ColumnSpec::default()).unwrap();
        assert_eq!((roles.customer, roles.date, roles.order), (1, 2, Some(0)));
    }

    #[test]
    fn falls_back_to_quantity_times_price() {
        let h = headers(&["InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"]);
        let roles = ColumnRoles::detect(h, &ColumnSpec::default()).unwrap();
        assert_eq!(roles.amount, AmountColumns::QuantityTimesPrice { quantity: 2, unit_price: 4, name: "Quantity × UnitPrice".into() });
        assert_eq!(roles.max_index(), 5);
    }

    #[test]
    fn the_order_column_is_optional() {
        let roles = ColumnRoles::detect(headers(&["customer_id", "order_date", "revenue"]), &ColumnSpec::default()).unwrap();
        assert_eq!(roles.order, None);
    }

    #[test]
    fn a_given_name_wins_over_guessing() {
        let spec = ColumnSpec { amount: Some("net".into()), ..ColumnSpec::default() };
        let roles = ColumnRoles::detect(headers(&["customer", "date", "amount", "net"]), &spec).unwrap();
        assert_eq!(roles.amount, AmountColumns::Amount { index: 3, name: "net".into() });
    }

    #[test]
    fn missing_role_names_the_headers_found() {
        let err = ColumnRoles::detect(headers(&["who", "when", "amount"]), &ColumnSpec::default()).unwrap_err();
        assert_eq!(err.to_string(), "could not find a customer id column; the header has: who, when, amount: rename the column or choose it in the settings");
    }

    #[test]
    fn unknown_given_name_is_an_error() {
        let spec = ColumnSpec { customer: Some("nope".into()), ..ColumnSpec::default() };
        let err = ColumnRoles::detect(headers(&["customer", "date", "amount"]), &spec).unwrap_err();
        assert!(matches!(err, IngestError::UnknownColumn { role: "customer id", .. }), "{err}");
    }
}
