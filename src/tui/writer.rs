//! The dashboard's one write queue (RELIABILITY.md rule 14): every write goes to a thread
//! with its own connection, in order. A write that meets a busy database (another
//! process holds the write lock) is retried until it commits, so a finished timer's
//! tick is never dropped; meanwhile the thread says it is waiting, and the run loop keeps
//! answering keys. "saved" is reported only once the commit returned.

use super::update::Change;
use crate::domain::timer::StoredTimer;
use crate::store::{Problem, Store, StoreError};
use crate::text;
use chrono::{DateTime, FixedOffset};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// Each attempt waits this long in SQLite's own busy handler before the thread reports
/// that it is waiting and tries again.
pub const ATTEMPT_WAIT: Duration = Duration::from_millis(200);

/// The pause between attempts grows from the first to the last of these.
const FIRST_PAUSE: Duration = Duration::from_millis(25);
const LAST_PAUSE: Duration = Duration::from_millis(400);

/// One write, and the moment it was asked for (the stamp it is stored with).
#[derive(Clone, Debug)]
pub enum Job {
    /// A change from the screen: ticks, markers, a run.
    Change(Change),
    /// The running timer, kept so it survives quitting (`None`: no timer any more).
    Timer(Option<StoredTimer>),
}

/// What the thread tells the run loop.
#[derive(Clone, Debug, PartialEq)]
pub enum Report {
    /// The write at the head of the queue met a busy database; it will be tried again.
    Waiting,
    /// A write committed: the status text for it (empty: nothing to say), and whether it
    /// was a form's (markers, a run).
    Saved { text: String, form: bool },
    /// A write failed for another reason than a busy database (a full disk, a
    /// read-only file): nothing was saved; the words for the status line.
    Failed(String),
}

/// The queue as the screen shows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Queue {
    /// Writes handed over and not yet answered.
    pub pending: usize,
    /// The write at the head meets a busy database and is being retried.
    pub waiting: bool,
}

/// Writes handed over and not yet answered, shared with the signal handlers so a
/// signal can give them a moment to commit before the process ends.
#[derive(Debug, Default)]
pub struct Pending {
    count: Mutex<usize>,
    changed: Condvar,
}

impl Pending {
    pub fn count(&self) -> usize {
        *self.count.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn add(&self, n: isize) {
        let mut count = self.count.lock().unwrap_or_else(|p| p.into_inner());
        *count = count.saturating_add_signed(n);
        self.changed.notify_all();
    }

    /// Waits until nothing is pending or `limit` has passed; the count left.
    pub fn wait_idle(&self, limit: Duration) -> usize {
        let deadline = Instant::now() + limit;
        let mut count = self.count.lock().unwrap_or_else(|p| p.into_inner());
        while *count > 0 {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            count = match self.changed.wait_timeout(count, left) {
                Ok((c, _)) => c,
                Err(p) => p.into_inner().0,
            };
        }
        *count
    }
}

pub struct Writer {
    jobs: Sender<(Job, DateTime<FixedOffset>)>,
    thread: Option<std::thread::JoinHandle<()>>,
    /// What the thread needs, until [`Writer::run`] starts it (the dashboard does after
    /// its first frame): writes sent before then wait in the queue, in order.
    parked: Option<Parked>,
    reports: Receiver<Report>,
    pending: Arc<Pending>,
    /// The thread has said its current write is waiting, and has not finished it since.
    waiting: bool,
}

/// The writer thread's parts before it starts.
struct Parked {
    store: Store,
    queue: Receiver<(Job, DateTime<FixedOffset>)>,
    tell: Sender<Report>,
}

/// How long `finish` lets writes queued before a thread that never ran commit.
const UNSTARTED_GRACE: Duration = Duration::from_secs(2);

impl Writer {
    /// Starts the thread on `store`, a connection of its own.
    pub fn start(store: Store) -> std::io::Result<Writer> {
        let mut writer = Writer::parked(store);
        writer.run()?;
        Ok(writer)
    }

    /// The queue on `store` (a connection of its own), its thread not started yet: what
    /// is sent waits in the queue until [`Writer::run`].
    pub fn parked(store: Store) -> Writer {
        let (jobs, queue) = mpsc::channel();
        let (tell, reports) = mpsc::channel();
        let parked = Some(Parked { store, queue, tell });
        Writer { jobs, thread: None, parked, reports, pending: Arc::default(), waiting: false }
    }

    /// Starts the thread if it is not running yet; it then takes the queue in order.
    pub fn run(&mut self) -> std::io::Result<()> {
        let Some(Parked { store, queue, tell }) = self.parked.take() else { return Ok(()) };
        let shared = self.pending.clone();
        let thread = std::thread::Builder::new()
            .name("writer".into())
            .spawn(move || serve(store, &queue, &tell, &shared))?;
        self.thread = Some(thread);
        Ok(())
    }

    /// Queues `job`, stamped `at`.
    pub fn send(&mut self, job: Job, at: DateTime<FixedOffset>) {
        self.pending.add(1);
        if self.jobs.send((job, at)).is_err() {
            // The thread is gone (it cannot end while we hold the sender, short of a
            // panic): the count must not claim a write that will never come.
            self.pending.add(-1);
        }
    }

    /// What the thread has said since the last call, in order, then the writes still
    /// unanswered and whether the current one waits for the database. The count is read
    /// first: a write counts as done only after its report was sent, so a count of 0
    /// comes with every report.
    pub fn poll(&mut self) -> (Vec<Report>, Queue) {
        let count = self.pending.count();
        let reports: Vec<Report> = self.reports.try_iter().collect();
        for r in &reports {
            self.waiting = matches!(r, Report::Waiting);
        }
        if count == 0 {
            self.waiting = false;
        }
        (reports, Queue { pending: count, waiting: self.waiting })
    }

    /// The queue as it stands (for the screen, right after queueing).
    pub fn queue(&self) -> Queue {
        let pending = self.pending.count();
        Queue { pending, waiting: self.waiting && pending > 0 }
    }

    pub fn pending(&self) -> Arc<Pending> {
        self.pending.clone()
    }

    /// Ends the thread once its queue is empty, closing its connection (so the last
    /// connection to close checkpoints the log, as before); with writes still waiting
    /// (quit twice) it is left to the process's end. The writes not saved.
    pub fn finish(mut self) -> usize {
        // Ended before the thread ran (the dashboard stopped before its first frame): it
        // runs now, and what was queued gets a moment to commit.
        let unsaved = if self.parked.is_some() && self.run().is_ok() {
            self.pending.wait_idle(UNSTARTED_GRACE)
        } else {
            self.pending.count()
        };
        drop(self.jobs);
        if let (0, Some(thread)) = (unsaved, self.thread) {
            let _ = thread.join();
        }
        unsaved
    }
}

fn serve(
    mut store: Store,
    queue: &Receiver<(Job, DateTime<FixedOffset>)>,
    tell: &Sender<Report>,
    pending: &Pending,
) {
    let _ = store.set_busy_timeout(ATTEMPT_WAIT);
    while let Ok((job, at)) = queue.recv() {
        let report = commit(&mut store, &job, at, || {
            let _ = tell.send(Report::Waiting);
        });
        // Counted down only after the report is on its way, so "nothing pending" never
        // comes before the run loop can see how the write ended.
        let _ = tell.send(report);
        pending.add(-1);
    }
}

/// Applies `job`, again and again while the database is busy (`waiting` is called once,
/// at the first busy attempt); a write is idempotent (RELIABILITY.md rule 9), so an
/// attempt that failed busy can simply be made again.
pub fn commit(store: &mut Store, job: &Job, at: DateTime<FixedOffset>, mut waiting: impl FnMut()) -> Report {
    let mut pause = FIRST_PAUSE;
    let mut told = false;
    loop {
        match apply(store, job, at) {
            Err(StoreError { problem: Problem::Busy, .. }) => {
                if !told {
                    waiting();
                    told = true;
                }
                std::thread::sleep(pause);
                pause = (pause * 2).min(LAST_PAUSE);
            }
            Ok(text) => {
                let form = matches!(
                    job,
                    Job::Change(Change::Markers { .. } | Change::Run(_) | Change::EditRun { .. })
                );
                return Report::Saved { text, form };
            }
            Err(e) => {
                let e = crate::error::Error::from(e);
                return Report::Failed(format!("{}: {}", e.what, e.todo));
            }
        }
    }
}

fn apply(store: &mut Store, job: &Job, at: DateTime<FixedOffset>) -> Result<String, StoreError> {
    match job {
        Job::Change(change) => persist(store, change, at),
        Job::Timer(Some(timer)) => store.set_timer(timer, at).map(|()| String::new()),
        Job::Timer(None) => store.clear_timer().map(|()| String::new()),
    }
}

fn persist(store: &mut Store, change: &Change, at: DateTime<FixedOffset>) -> Result<String, StoreError> {
    match change {
        Change::TickNext { date, item, sets_total } => {
            let done = store.tick_next(*date, item, *sets_total, at)?;
            Ok(text::saved_tick(item, done, *sets_total))
        }
        Change::TimerTick { date, item } => {
            store.tick_next(*date, item, 1, at)?;
            Ok(String::new())
        }
        Change::Clear { date, item } => {
            store.clear_item(*date, item)?;
            Ok(text::saved_tick(item, 0, 1))
        }
        Change::Markers { date, markers, fields } => {
            store.edit_markers(*date, markers, fields, at)?;
            Ok(text::saved_markers(*date))
        }
        Change::Run(run) => {
            let id = store.save_run(run, at)?;
            Ok(text::saved_run(run, id))
        }
        Change::EditRun { id, run } => Ok(match store.edit_run(*id, run, at)? {
            Some(_) => text::edited_run(run, *id),
            None => text::no_run(*id),
        }),
        Change::DeleteRun { id } => Ok(match store.delete_run(*id)? {
            Some(run) => text::deleted_run(&run, *id),
            None => text::no_run(*id),
        }),
    }
}

#[cfg(test)]
#[path = "writer_tests.rs"]
mod tests;
