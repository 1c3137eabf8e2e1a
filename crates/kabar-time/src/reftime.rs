//! The narrative's reference time: the last day and the last period the text gave.
//!
//! Times of day without a date (`pukul 07.55`), `hari itu`, `malam itu` and expressions
//! counted from "the last date mentioned" (`sehari kemudian`, `sebulan kemudian`, `tahun
//! sebelumnya`) anchor on it, not on the publication date: in an article of Tuesday about a
//! fire on Sunday, a later `pukul 07.55` is Sunday's.

use chrono::{NaiveDate, NaiveDateTime};

/// The reference time, updated after every resolved expression in text order.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct RefTime {
    /// The last calendar day named (`Minggu (4/5)`, `kemarin`, `14 Juni 2014`).
    day: Option<NaiveDate>,
    /// First day of the last period named (a day, a month, a year, a quarter).
    period: Option<NaiveDate>,
    /// True when the last period named was a single day.
    last_is_day: bool,
    /// The last day written as a date or a weekday (not `kemarin`, `hari ini`): the day a
    /// clock time without a date is on.
    written_day: Option<NaiveDate>,
    /// The last clock time given with its day (`15 menit kemudian` counts from it).
    clock: Option<NaiveDateTime>,
}

impl RefTime {
    /// Records a resolved expression: `day` the single day it names, `period` the first day
    /// of the period it names (both `None` for durations, sets and references).
    pub(crate) fn update(&mut self, day: Option<NaiveDate>, period: Option<NaiveDate>) {
        if let Some(d) = day {
            self.day = Some(d);
            self.period = Some(d);
            self.last_is_day = true;
        } else if let Some(p) = period {
            self.period = Some(p);
            self.last_is_day = false;
        }
    }

    /// Records the day of an expression written as a date or a weekday.
    pub(crate) fn update_written(&mut self, day: Option<NaiveDate>) {
        if day.is_some() {
            self.written_day = day;
        }
    }

    /// Records a clock time with its day.
    pub(crate) fn update_clock(&mut self, at: Option<NaiveDateTime>) {
        if at.is_some() {
            self.clock = at;
        }
    }

    /// The last clock time given with its day.
    pub(crate) fn clock(&self) -> Option<NaiveDateTime> {
        self.clock
    }

    /// The last day written as a date or a weekday.
    pub(crate) fn written_day(&self) -> Option<NaiveDate> {
        self.written_day
    }

    /// The last day named, else the start of the last period.
    pub(crate) fn day(&self) -> Option<NaiveDate> {
        self.day.or(self.period)
    }

    /// The start of the last period named (a day when the last expression was a day).
    pub(crate) fn period(&self) -> Option<NaiveDate> {
        self.period
    }

    /// The last expression named a single day (so `sebulan kemudian` is a day too).
    pub(crate) fn last_is_day(&self) -> bool {
        self.last_is_day
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_last_day_and_period() {
        let d = |m, dd| NaiveDate::from_ymd_opt(2014, m, dd);
        let mut r = RefTime::default();
        assert_eq!(r.day(), None);
        r.update(d(6, 14), d(6, 14));
        assert!(r.last_is_day());
        r.update(None, d(1, 1));
        assert_eq!(
            (r.day(), r.period(), r.last_is_day()),
            (d(6, 14), d(1, 1), false)
        );
        r.update(None, None);
        assert_eq!(r.period(), d(1, 1));
    }
}
