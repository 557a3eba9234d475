use super::*;

/// A test clock: milliseconds since an arbitrary start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct T(u64);

impl Add<Duration> for T {
    type Output = T;
    fn add(self, d: Duration) -> T {
        T(self.0 + d.as_millis() as u64)
    }
}

impl Sub for T {
    type Output = Duration;
    fn sub(self, other: T) -> Duration {
        Duration::from_millis(self.0.saturating_sub(other.0))
    }
}

impl Moment for T {
    fn back(self, d: Duration) -> T {
        T(self.0.saturating_sub(d.as_millis() as u64))
    }
}

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

fn ms(m: u64) -> Duration {
    Duration::from_millis(m)
}

#[test]
fn runs_from_its_deadline() {
    let c = Countdown::new(secs(90)).start(T(1000));
    assert_eq!(c, Countdown::Running { deadline: T(91_000), total: secs(90) });
    assert_eq!(c.remaining(T(31_000)), secs(60));
    assert_eq!(c.remaining(T(200_000)), Duration::ZERO);
}

#[test]
fn the_display_rounds_up_so_zero_means_done() {
    let c = Countdown::new(secs(90)).start(T(0));
    assert_eq!(c.shown_seconds(T(0)), 90);
    assert_eq!(c.shown_seconds(T(700)), 90); // 89.3 s left
    assert_eq!(c.shown_seconds(T(1000)), 89);
    assert_eq!(c.shown_seconds(T(89_999)), 1);
    let (done, signal) = c.poll(T(89_999), T(90_000), Duration::ZERO);
    assert_eq!(signal, Some(Signal::Finished));
    assert_eq!(done.shown_seconds(T(90_000)), 0);
    assert_eq!(clock_text(90), "1:30");
    assert_eq!(clock_text(7), "0:07");
}

#[test]
fn finishing_exactly_at_the_deadline_and_late_wake_ups_keep_the_deadline() {
    let c = Countdown::new(secs(2)).start(T(0));
    assert_eq!(c.poll(T(0), T(1999), Duration::ZERO).1, None);
    assert_eq!(
        c.poll(T(1999), T(2000), Duration::ZERO),
        (Countdown::Finished { at: T(2000), total: secs(2) }, Some(Signal::Finished))
    );
    // Woken 3.5 s late: finished at the deadline, with the overtime that has passed.
    let (late, _) = c.poll(T(0), T(5500), Duration::ZERO);
    assert_eq!(late.overtime(T(5500)), ms(3500));
    assert_eq!(late.shown_seconds(T(5500)), 3);
}

#[test]
fn pause_at_0_4_s_left_and_resume_after_a_long_pause() {
    let c = Countdown::new(secs(90)).start(T(0)).pause(T(89_600));
    assert_eq!(c, Countdown::Paused { remaining: ms(400), total: secs(90) });
    assert_eq!(c.shown_seconds(T(10_000_000)), 1);
    let resumed = c.start(T(10_000_000));
    assert_eq!(resumed.remaining(T(10_000_100)), ms(300));
    let (done, signal) = resumed.poll(T(10_000_100), T(10_000_400), Duration::ZERO);
    assert_eq!((done.is_finished(), signal), (true, Some(Signal::Finished)));
}

#[test]
fn pausing_after_the_deadline_finishes_it() {
    let c = Countdown::new(secs(1)).start(T(0)).pause(T(1500));
    assert_eq!(c, Countdown::Finished { at: T(1000), total: secs(1) });
}

#[test]
fn toggle_pauses_and_resumes() {
    let c = Countdown::new(secs(10)).toggle(T(0));
    assert!(c.is_running());
    let c = c.toggle(T(4000));
    assert_eq!(c.remaining(T(9999)), secs(6));
    assert!(c.toggle(T(9999)).is_running());
}

#[test]
fn adjusting_moves_the_end_and_below_zero_finishes_now() {
    let c = Countdown::new(secs(90)).start(T(0));
    assert_eq!(c.adjust(true, T(10_000)).remaining(T(10_000)), secs(95));
    assert_eq!(c.adjust(false, T(10_000)).remaining(T(10_000)), secs(65));
    let near = c.adjust(false, T(80_000));
    assert_eq!(near, Countdown::Finished { at: T(80_000), total: secs(75) });
    let paused = Countdown::new(secs(10)).start(T(0)).pause(T(0)).adjust(false, T(5));
    assert_eq!(paused, Countdown::Finished { at: T(5), total: secs(1) });
    let idle = Countdown::<T>::new(secs(90)).adjust(true, T(0));
    assert_eq!(idle.total(), secs(105));
    assert_eq!(Countdown::<T>::new(MAX_TOTAL).adjust(true, T(0)).total(), MAX_TOTAL);
}

#[test]
fn the_cue_fires_once_when_crossed() {
    let c = Countdown::new(secs(30)).start(T(0));
    let cue = secs(10);
    assert_eq!(c.poll(T(0), T(19_000), cue).1, None);
    assert_eq!(c.poll(T(19_000), T(20_000), cue).1, Some(Signal::Cue));
    assert_eq!(c.poll(T(20_000), T(21_000), cue).1, None);
    // A wake-up that jumps over the cue still cues.
    assert_eq!(c.poll(T(5_000), T(25_000), cue).1, Some(Signal::Cue));
    assert_eq!(c.poll(T(19_000), T(20_000), Duration::ZERO).1, None);
}

#[test]
fn the_next_change_is_the_next_second_boundary() {
    let c = Countdown::new(secs(90)).start(T(0));
    assert_eq!(c.next_change(T(0)), Some(secs(1)));
    assert_eq!(c.next_change(T(300)), Some(ms(700)));
    assert_eq!(c.next_change(T(89_800)), Some(ms(200)));
    let (done, _) = c.poll(T(0), T(90_250), Duration::ZERO);
    assert_eq!(done.next_change(T(90_250)), Some(ms(750)));
    assert_eq!(Countdown::<T>::new(secs(90)).next_change(T(0)), None);
}

#[test]
fn ten_thousand_polls_do_not_drift() {
    // A 50-minute timer polled at uneven moments, as a busy machine would.
    let start = T(123);
    let mut c = Countdown::new(secs(3000)).start(start);
    let Countdown::Running { deadline, .. } = c else { panic!() };
    let (mut now, mut before, mut shown) = (start, start, c.shown_seconds(start));
    let mut seed = 42u64;
    let mut polls = 0;
    for _ in 0..20_000 {
        polls += 1;
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        now = now + ms(10 + (seed >> 33) % 560);
        let (next, _) = c.poll(before, now, secs(10));
        c = next;
        before = now;
        if c.is_finished() {
            break;
        }
        assert_eq!(c.remaining(now), deadline - now);
        let s = c.shown_seconds(now);
        assert!(s <= shown && shown - s <= 1, "{shown} → {s}");
        shown = s;
    }
    assert_eq!(c, Countdown::Finished { at: deadline, total: secs(3000) });
    assert!(polls >= 10_000, "{polls} polls");
}

#[test]
fn stored_against_the_wall_clock_and_restored_after_a_restart() {
    // Wall clock 1_000_000 ms at monotonic T(50): 60 s left.
    let c = Countdown::new(secs(90)).start(T(50)).pause(T(30_050)).start(T(30_050));
    let stored = c.to_stored(T(30_050), 1_000_000).unwrap();
    assert_eq!(stored, Stored::Running { deadline_ms: 1_060_000 });
    // The next process starts 20 s later (wall) with a new monotonic clock.
    let back = Countdown::from_stored(stored, secs(90), T(7), 1_020_000);
    assert_eq!(back.remaining(T(7)), secs(40));
    // …or 70 s later: finished 10 s ago, overtime counting.
    let late = Countdown::from_stored(stored, secs(90), T(100_000), 1_130_000);
    assert_eq!((late.is_finished(), late.overtime(T(100_000))), (true, secs(70)));
    let paused = Countdown::new(secs(90)).start(T(0)).pause(T(400)).to_stored(T(9), 5).unwrap();
    assert_eq!(Countdown::from_stored(paused, secs(90), T(0), 99_999).remaining(T(0)), ms(89_600));
    assert_eq!(Countdown::<T>::new(secs(90)).to_stored(T(0), 0), None);
}

#[test]
fn stored_seconds_for_the_checklist_json() {
    assert_eq!(Stored::Running { deadline_ms: 10_500 }.seconds_at(1_000), (10, 0));
    assert_eq!(Stored::Running { deadline_ms: 10_000 }.seconds_at(17_900), (0, 7));
    assert_eq!(Stored::Paused { remaining_ms: 400 }.seconds_at(0), (1, 0));
    assert_eq!(Stored::Finished { at_ms: 0 }.seconds_at(7_000), (0, 7));
    assert_eq!(Stored::Running { deadline_ms: 10_000 }.state_at(9_999), "running");
    assert_eq!(Stored::Running { deadline_ms: 10_000 }.state_at(10_000), "finished");
    assert_eq!(Stored::Paused { remaining_ms: 1 }.state_at(99_999), "paused");
}
