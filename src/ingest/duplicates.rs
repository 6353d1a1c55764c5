//! Exact duplicate lines.

use std::collections::HashSet;

use super::hash::{fx, hash, mix, FastHash};
use super::split::Record;
use super::ColumnRoles;

/// Exact duplicate lines, found within a run of consecutive lines of the
/// same order (or, without an order column, the same customer and date):
/// memory stays bounded by the longest order, not the file.
///
/// Most runs are short (an order's lines): their lines are kept as they are
/// and compared byte for byte (most differ in their first few bytes, and
/// the first line of a run needs no comparison at all); a long run moves to
/// a set of line hashes.
#[derive(Default)]
pub(crate) struct DuplicateRun {
    key: u64,
    /// The run's lines while it is short: their bytes one after another,
    /// their field ends, and where each line's bytes and ends start.
    bytes: Vec<u8>,
    ends: Vec<usize>,
    lines: Vec<(usize, usize)>,
    /// The run's line hashes once it is long.
    many: HashSet<u64, FastHash>,
}

/// Lines kept as they are before the set of hashes takes over.
const FEW: usize = 32;

impl DuplicateRun {
    /// True when `record` repeats a line of the current run exactly.
    /// `order` is the hash of the row's order id, when there is an order column.
    pub(crate) fn is_duplicate(&mut self, record: &Record<'_>, order: Option<u64>, roles: &ColumnRoles) -> bool {
        let key = match order {
            Some(order) => order,
            None => hash(record.get(roles.date), hash(record.get(roles.customer), 2)),
        };
        if key != self.key {
            self.key = key;
            self.bytes.clear();
            self.ends.clear();
            self.lines.clear();
            self.many.clear();
        }
        // The bytes and where each field ends: `a,bc` and `ab,c` differ.
        let (bytes, ends) = (record.bytes(), record.ends());
        if self.many.is_empty() {
            if (0..self.lines.len()).any(|k| self.line(k) == (bytes, ends)) {
                return true;
            }
            if self.lines.len() < FEW {
                self.lines.push((self.bytes.len(), self.ends.len()));
                self.bytes.extend_from_slice(bytes);
                self.ends.extend_from_slice(ends);
                return false;
            }
            // A long run: its lines become hashes.
            let hashes: Vec<u64> = (0..self.lines.len()).map(|k| self.line(k)).map(|(b, e)| line_hash(b, e)).collect();
            self.many.extend(hashes);
            self.lines.clear();
        }
        !self.many.insert(line_hash(bytes, ends))
    }
}

impl DuplicateRun {
    /// Kept line `k`: its bytes and field ends.
    fn line(&self, k: usize) -> (&[u8], &[usize]) {
        let (b, e) = self.lines[k];
        let (b_end, e_end) = self.lines.get(k + 1).copied().unwrap_or((self.bytes.len(), self.ends.len()));
        (&self.bytes[b..b_end], &self.ends[e..e_end])
    }
}

/// A hash of a line's bytes and field ends.
fn line_hash(bytes: &[u8], ends: &[usize]) -> u64 {
    let boundaries = ends.iter().fold(ends.len() as u64, |b, &e| b.rotate_left(9) ^ e as u64);
    mix(fx(hash(bytes, 3), boundaries))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::split::OwnedRecord;

    #[test]
    fn duplicates_are_found_within_a_run_only() {
        let roles = ColumnRoles::detect(vec!["order".into(), "customer".into(), "date".into(), "amount".into()], &Default::default()).unwrap();
        let mut run = DuplicateRun::default();
        let rec = |fields: &[&str]| OwnedRecord::from_fields(fields, 1);
        let a = rec(&["o1", "c", "2024-01-01", "1"]);
        let b = rec(&["o1", "c", "2024-01-01", "2"]);
        let c = rec(&["o2", "c", "2024-01-01", "1"]);
        let dup = |run: &mut DuplicateRun, r: &OwnedRecord| run.is_duplicate(&r.view(), Some(hash(r.view().get(0), 1)), &roles);
        assert!(!dup(&mut run, &a));
        assert!(!dup(&mut run, &b));
        assert!(dup(&mut run, &a));
        assert!(!dup(&mut run, &c));
        assert!(!dup(&mut run, &a), "a new run starts afresh");
    }

    #[test]
    fn long_runs_find_duplicates_too() {
        let roles = ColumnRoles::detect(vec!["order".into(), "customer".into(), "date".into(), "amount".into()], &Default::default()).unwrap();
        let mut run = DuplicateRun::default();
        let rows: Vec<OwnedRecord> = (0..100).map(|i| OwnedRecord::from_fields(&["o1", "c", "2024-01-01", &i.to_string()], 1)).collect();
        for r in &rows {
            assert!(!run.is_duplicate(&r.view(), Some(7), &roles));
        }
        for i in [0, 31, 32, 99] {
            assert!(run.is_duplicate(&rows[i].view(), Some(7), &roles), "row {i}");
        }
    }

    #[test]
    fn field_boundaries_count_in_a_duplicate() {
        let roles = ColumnRoles::detect(vec!["customer".into(), "date".into(), "amount".into(), "note".into()], &Default::default()).unwrap();
        let mut run = DuplicateRun::default();
        let a = OwnedRecord::from_fields(&["c", "d", "1", "ab"], 1);
        let b = OwnedRecord::from_fields(&["c", "d", "1a", "b"], 2);
        assert!(!run.is_duplicate(&a.view(), None, &roles));
        assert!(!run.is_duplicate(&b.view(), None, &roles));
    }
}
