//! Finding the customer, date, amount and order columns in a header row.

use serde::{Deserialize, Serialize};

use super::names::*;
use super::values::Sample;
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
    /// The order id column; without one, every row counts as an order. An
    /// empty name says there is none (no guessing).
    pub order: Option<String>,
    /// The quantity column, used with `unit_price` when there is no amount.
    pub quantity: Option<String>,
    /// The unit price column, used with `quantity` when there is no amount.
    pub unit_price: Option<String>,
    /// In a customer table (one row per customer): the number of orders.
    pub frequency: Option<String>,
    /// In a customer table: days since the last purchase (instead of its date).
    pub recency_days: Option<String>,
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
    /// Roles whose column was found from its values, not its name
    /// (`customer id`, `order date`, `amount`).
    pub from_values: Vec<&'static str>,
    /// Set when the file is a customer table (one row per customer, already
    /// aggregated): then `date` is the last purchase and `amount` the
    /// monetary value.
    pub customer_table: Option<CustomerTable>,
}

/// The extra columns of a pre-aggregated customer table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerTable {
    /// The number of orders (frequency) column.
    pub frequency: usize,
    /// True when the `date` column holds days since the last purchase
    /// rather than its date.
    pub recency_in_days: bool,
}

impl ColumnRoles {
    /// The header of column `index`.
    pub fn name(&self, index: usize) -> &str {
        &self.headers[index]
    }

    /// The monetary column of a customer table (its `amount`).
    pub(crate) fn customer_amount_index(&self) -> usize {
        match self.amount {
            AmountColumns::Amount { index, .. } => index,
            AmountColumns::QuantityTimesPrice { quantity, .. } => quantity,
        }
    }

    /// The largest column index any role needs.
    pub fn max_index(&self) -> usize {
        let amount = match self.amount {
            AmountColumns::Amount { index, .. } => index,
            AmountColumns::QuantityTimesPrice { quantity, unit_price, .. } => quantity.max(unit_price),
        };
        let frequency = self.customer_table.as_ref().map_or(0, |t| t.frequency);
        self.customer.max(self.date).max(amount).max(self.order.unwrap_or(0)).max(frequency)
    }

    /// Resolves every role from the spec, guessing the ones it leaves open
    /// from the header names.
    pub fn detect(headers: Vec<String>, spec: &ColumnSpec) -> Result<ColumnRoles, IngestError> {
        ColumnRoles::detect_with(headers, spec, None)
    }

    /// Resolves every role: the spec's choices, then header names (exact,
    /// then containing a known word), then — with a sample — the values.
    pub(crate) fn detect_with(headers: Vec<String>, spec: &ColumnSpec, sample: Option<&Sample<'_>>) -> Result<ColumnRoles, IngestError> {
        let mut taken: Vec<usize> = Vec::new();
        let mut from_values = Vec::new();
        let found = headers.join(", ");
        let given = |role: &'static str, name: &Option<String>| -> Result<Option<usize>, IngestError> {
            match name {
                Some(name) => position_of(&headers, name)
                    .map(Some)
                    .ok_or_else(|| IngestError::UnknownColumn { role, name: name.clone(), found: found.clone() }),
                None => Ok(None),
            }
        };
        let missing = |role: &'static str| IngestError::MissingColumn { roles: vec![role], found: found.clone() };

        // Every column given in the settings is taken first.
        let spec_customer = given("customer id", &spec.customer)?;
        let spec_date = given("order date", &spec.date)?;
        let spec_amount = given("amount", &spec.amount)?;
        let no_order = spec.order.as_deref() == Some("");
        let spec_order = if no_order { None } else { given("order id", &spec.order)? };
        let spec_quantity = given("quantity", &spec.quantity)?;
        let spec_price = given("unit price", &spec.unit_price)?;
        let spec_frequency = given("frequency", &spec.frequency)?;
        let spec_recency = given("recency days", &spec.recency_days)?;
        taken.extend(
            [spec_customer, spec_date, spec_amount, spec_order, spec_quantity, spec_price, spec_frequency, spec_recency]
                .into_iter()
                .flatten(),
        );
        let by_name = |given: Option<usize>, names: &[&str], taken: &mut Vec<usize>| -> Option<usize> {
            let i = given.or_else(|| guess(&headers, names, taken, false))?;
            if !taken.contains(&i) {
                taken.push(i);
            }
            Some(i)
        };
        let by_word = |words: &[&str], taken: &mut Vec<usize>| by_name(guess(&headers, words, taken, true), &[], taken);

        let customer = by_name(spec_customer, CUSTOMER_NAMES, &mut taken);
        // A customer table: frequency and monetary columns, and recency in
        // days or the last purchase date.
        let frequency = by_name(spec_frequency, FREQUENCY_NAMES, &mut taken);
        if let Some(frequency) = frequency {
            let recency = by_name(spec_recency, RECENCY_NAMES, &mut taken);
            let last = by_name(spec_date, LAST_PURCHASE_NAMES, &mut taken).or_else(|| by_name(None, DATE_NAMES, &mut taken));
            let monetary = by_name(spec_amount, MONETARY_NAMES, &mut taken).or_else(|| by_name(None, AMOUNT_NAMES, &mut taken));
            let customer = customer.ok_or_else(|| missing("customer id"))?;
            let monetary = monetary.ok_or_else(|| missing("monetary"))?;
            let (date, recency_in_days) = match (recency, last) {
                (Some(r), _) => (r, true),
                (None, Some(d)) => (d, false),
                (None, None) => return Err(missing("recency or last purchase date")),
            };
            return Ok(ColumnRoles {
                customer,
                date,
                amount: AmountColumns::Amount { index: monetary, name: headers[monetary].clone() },
                order: None,
                from_values,
                customer_table: Some(CustomerTable { frequency, recency_in_days }),
                headers,
            });
        }

        let mut date = by_name(spec_date, DATE_NAMES, &mut taken);
        let order = if no_order { None } else { by_name(spec_order, ORDER_NAMES, &mut taken) };
        let mut amount = by_name(spec_amount, AMOUNT_NAMES, &mut taken).map(|index| AmountColumns::Amount { index, name: headers[index].clone() });
        if amount.is_none() {
            if let (Some(quantity), Some(unit_price)) = (
                by_name(spec_quantity, QUANTITY_NAMES, &mut taken),
                by_name(spec_price, PRICE_NAMES, &mut taken),
            ) {
                let name = format!("{} × {}", headers[quantity], headers[unit_price]);
                amount = Some(AmountColumns::QuantityTimesPrice { quantity, unit_price, name });
            }
        }
        let mut customer = customer.or_else(|| by_word(CUSTOMER_WORDS, &mut taken));
        date = date.or_else(|| by_word(DATE_WORDS, &mut taken));
        if amount.is_none() {
            amount = by_word(AMOUNT_WORDS, &mut taken).map(|index| AmountColumns::Amount { index, name: headers[index].clone() });
        }
        // Names said nothing: the values decide (dates, then money, then ids).
        if let Some(sample) = sample {
            if date.is_none() {
                date = sample.date_column(&taken);
                if let Some(i) = date {
                    taken.push(i);
                    from_values.push("order date");
                }
            }
            if amount.is_none() {
                if let Some(index) = sample.amount_column(&taken) {
                    taken.push(index);
                    from_values.push("amount");
                    amount = Some(AmountColumns::Amount { index, name: headers[index].clone() });
                }
            }
            // Guessing ids is only worth it once dates and money were found.
            if customer.is_none() && date.is_some() && amount.is_some() {
                customer = sample.customer_column(&taken);
                if customer.is_some() {
                    from_values.push("customer id");
                }
            }
        }
        match (customer, date, amount) {
            (Some(customer), Some(date), Some(amount)) => {
                Ok(ColumnRoles { customer, date, amount, order, from_values, customer_table: None, headers })
            }
            (customer, date, amount) => {
                let roles = [(customer.is_none(), "customer id"), (date.is_none(), "order date"), (amount.is_none(), "amount")];
                Err(IngestError::MissingColumn { roles: roles.iter().filter(|r| r.0).map(|r| r.1).collect(), found })
            }
        }
    }
}

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

/// The first free header equal to the earliest name in `names` (names are in
/// order of preference), or, with `inside`, containing it.
fn guess(headers: &[String], names: &[&str], taken: &[usize], inside: bool) -> Option<usize> {
    let normalised: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    let fits = |h: &str, name: &str| if inside { h.contains(name) } else { h == name };
    names.iter().find_map(|name| (0..headers.len()).filter(|i| !taken.contains(i)).find(|&i| fits(&normalised[i], name)))
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
    fn an_empty_order_name_means_no_order_column() {
        let spec = ColumnSpec { order: Some(String::new()), ..ColumnSpec::default() };
        let roles = ColumnRoles::detect(headers(&["order_id", "customer", "date", "amount"]), &spec).unwrap();
        assert_eq!(roles.order, None);
    }

    #[test]
    fn a_given_name_wins_over_guessing() {
        let spec = ColumnSpec { amount: Some("net".into()), ..ColumnSpec::default() };
        let roles = ColumnRoles::detect(headers(&["customer", "date", "amount", "net"]), &spec).unwrap();
        assert_eq!(roles.amount, AmountColumns::Amount { index: 3, name: "net".into() });
    }

    #[test]
    fn missing_roles_are_named_with_the_headers_found() {
        let err = ColumnRoles::detect(headers(&["who", "date", "amount"]), &ColumnSpec::default()).unwrap_err();
        assert_eq!(err.to_string(), "could not find a customer id column; the header has: who, date, amount: rename the column or choose it in the settings");
        let err = ColumnRoles::detect(headers(&["who", "when", "amount"]), &ColumnSpec::default()).unwrap_err();
        assert_eq!(err.to_string(), "could not find customer id or order date columns; the header has: who, when, amount: rename the columns or choose them in the settings");
    }

    #[test]
    fn a_word_inside_a_longer_header_names_the_role() {
        let roles = ColumnRoles::detect(headers(&["Customer e-mail", "Order date (UTC)", "Total (KRW)"]), &ColumnSpec::default()).unwrap();
        assert_eq!((roles.customer, roles.date), (0, 1));
        assert_eq!(roles.amount, AmountColumns::Amount { index: 2, name: "Total (KRW)".into() });
    }

    #[test]
    fn frequency_and_monetary_columns_make_a_customer_table() {
        let roles = ColumnRoles::detect(headers(&["CustomerID", "Recency", "Frequency", "Monetary"]), &ColumnSpec::default()).unwrap();
        assert_eq!(roles.customer_table, Some(CustomerTable { frequency: 2, recency_in_days: true }));
        assert_eq!((roles.customer, roles.date), (0, 1));
        let roles = ColumnRoles::detect(headers(&["id", "last_purchase_date", "orders", "total_spent"]), &ColumnSpec::default()).unwrap();
        assert_eq!(roles.customer_table, Some(CustomerTable { frequency: 2, recency_in_days: false }));
    }

    #[test]
    fn unknown_given_name_is_an_error() {
        let spec = ColumnSpec { customer: Some("nope".into()), ..ColumnSpec::default() };
        let err = ColumnRoles::detect(headers(&["customer", "date", "amount"]), &spec).unwrap_err();
        assert!(matches!(err, IngestError::UnknownColumn { role: "customer id", .. }), "{err}");
    }
}
