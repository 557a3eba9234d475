//! Pain changes the routine (ROUTINE.md v2): the seed's activation session is "if no pain".
//! A pain is logged with a site from a fixed list; the routine says which items load which
//! site (`[[pain]]` in `routine.toml`). Pain 1–3 marks those items; pain 4 or more replaces
//! the strength and activation work with one "no loading" item, and foam rolling skips the
//! painful site.

/// The sites a pain is logged at (CLI.md v2 `--pain-site`).
pub const SITES: [&str; 9] =
    ["foot", "achilles-calf", "shin", "knee", "hamstring", "quad", "hip-glute", "lower-back", "other"];

/// From this pain on, nothing loads: the strength work is replaced.
pub const REPLACE_FROM: u8 = 4;

/// The note an item that loads a painful site gets at pain 1–3.
pub const ONLY_IF_PAIN_FREE: &str = "only if pain-free during and after";

/// The id of the item that replaces the loading work at pain 4 or more.
pub const NO_LOADING_ID: &str = "no-loading";

/// A site as a runner reads it: "achilles/calf", "lower back".
pub fn label(site: &str) -> String {
    match site {
        "achilles-calf" => "achilles/calf".into(),
        "hip-glute" => "hip/glute".into(),
        other => other.replace('-', " "),
    }
}

/// This morning's pain: how bad, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct Pain {
    pub level: u8,
    pub site: Option<String>,
}

impl Pain {
    /// The pain from a morning's markers, when one was logged above 0.
    pub fn of(level: Option<u8>, site: Option<&str>) -> Option<Pain> {
        level.filter(|l| *l > 0).map(|level| Pain { level, site: site.map(str::to_string) })
    }

    pub fn replaces(&self) -> bool {
        self.level >= REPLACE_FROM
    }

    /// "No loading today — pain 4/10 (achilles/calf): mobility in a pain-free range only;
    /// see a physio if it is still there in 3 days".
    pub fn no_loading(&self) -> String {
        let at = self.site.as_deref().map(|s| format!(" ({})", label(s))).unwrap_or_default();
        format!(
            "No loading today — pain {}/10{at}: mobility in a pain-free range only; see a physio if it is \
             still there in 3 days",
            self.level
        )
    }
}

/// Which routine items load which site.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PainMap {
    pub sites: Vec<(String, Vec<String>)>,
}

impl PainMap {
    /// True when item `id` loads `site`.
    pub fn loads(&self, site: &str, id: &str) -> bool {
        self.sites.iter().any(|(s, items)| s == site && items.iter().any(|i| i == id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_loading_names_the_pain_and_the_site() {
        let p = Pain::of(Some(4), Some("achilles-calf")).unwrap();
        assert!(p.replaces());
        assert_eq!(
            p.no_loading(),
            "No loading today — pain 4/10 (achilles/calf): mobility in a pain-free range only; see a physio \
             if it is still there in 3 days"
        );
        assert_eq!(Pain::of(Some(0), Some("knee")), None);
        assert!(!Pain::of(Some(3), None).unwrap().replaces());
        assert_eq!(label("lower-back"), "lower back");
    }
}
