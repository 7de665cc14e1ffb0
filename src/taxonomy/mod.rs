//! Reference data with labels in three languages: hubs, the two-level field taxonomy,
//! engagement kinds, positions, mechanisms, languages and language levels. Codes are stable
//! and stored everywhere else; labels are data, chosen per reader.

use std::borrow::Borrow;

use sqlx::PgConnection;

use crate::i18n::Locale;

/// One coded item with its labels (and, for some kinds, a one-sentence explanation).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Term {
    pub kind: String,
    pub code: String,
    pub parent_code: Option<String>,
    pub label_vi: String,
    pub label_ja: String,
    pub label_en: String,
    pub description_vi: Option<String>,
    pub description_ja: Option<String>,
    pub description_en: Option<String>,
}

impl Term {
    /// The label in `locale` (templates pass `&Locale`, code passes `Locale`).
    pub fn label(&self, locale: impl Borrow<Locale>) -> &str {
        match locale.borrow() {
            Locale::Vi => &self.label_vi,
            Locale::Ja => &self.label_ja,
            Locale::En => &self.label_en,
        }
    }

    pub fn description(&self, locale: impl Borrow<Locale>) -> &str {
        let text = match locale.borrow() {
            Locale::Vi => &self.description_vi,
            Locale::Ja => &self.description_ja,
            Locale::En => &self.description_en,
        };
        text.as_deref().unwrap_or("")
    }
}

/// A top-level area and the fields under it.
#[derive(Clone, Debug)]
pub struct Area {
    pub area: Term,
    pub fields: Vec<Term>,
}

#[derive(Clone, Debug, Default)]
pub struct Taxonomy {
    pub hubs: Vec<Term>,
    pub areas: Vec<Area>,
    pub engagement_kinds: Vec<Term>,
    pub positions: Vec<Term>,
    pub mechanisms: Vec<Term>,
    pub languages: Vec<Term>,
    pub language_levels: Vec<Term>,
}

impl Taxonomy {
    /// Loads everything in one round trip.
    pub async fn load(conn: &mut PgConnection) -> sqlx::Result<Taxonomy> {
        let rows: Vec<Term> = sqlx::query_as(ALL_TERMS).fetch_all(conn).await?;
        let mut taxonomy = Taxonomy::default();
        for term in rows {
            match term.kind.as_str() {
                "hub" => taxonomy.hubs.push(term),
                "area" => taxonomy.areas.push(Area {
                    area: term,
                    fields: Vec::new(),
                }),
                "field" => {
                    let parent = term.parent_code.clone();
                    if let Some(area) = taxonomy
                        .areas
                        .iter_mut()
                        .find(|a| Some(&a.area.code) == parent.as_ref())
                    {
                        area.fields.push(term);
                    }
                }
                "engagement" => taxonomy.engagement_kinds.push(term),
                "position" => taxonomy.positions.push(term),
                "mechanism" => taxonomy.mechanisms.push(term),
                "language" => taxonomy.languages.push(term),
                "level" => taxonomy.language_levels.push(term),
                _ => {}
            }
        }
        Ok(taxonomy)
    }

    pub fn field(&self, code: &str) -> Option<&Term> {
        self.areas
            .iter()
            .flat_map(|a| a.fields.iter())
            .find(|f| f.code == code)
    }

    pub fn has(list: &[Term], code: &str) -> bool {
        list.iter().any(|t| t.code == code)
    }

    /// The label of `code` in `list`, or the code itself if unknown.
    pub fn label_in<'a>(list: &'a [Term], code: &'a str, locale: Locale) -> &'a str {
        list.iter()
            .find(|t| t.code == code)
            .map(|t| t.label(locale))
            .unwrap_or(code)
    }

    pub fn field_label<'a>(&'a self, code: &'a str, locale: Locale) -> &'a str {
        self.field(code).map(|t| t.label(locale)).unwrap_or(code)
    }
}

/// Areas come before fields so that every field finds its area while loading.
const ALL_TERMS: &str = "
    select 'hub' as kind, code, null::text as parent_code, name_vi as label_vi,
           name_ja as label_ja, name_en as label_en, null::text as description_vi,
           null::text as description_ja, null::text as description_en, 0 as grp, 0 as sort_order
      from hubs
    union all
    select case when parent_code is null then 'area' else 'field' end, code, parent_code,
           label_vi, label_ja, label_en, null, null, null,
           case when parent_code is null then 1 else 2 end, sort_order
      from fields
    union all
    select 'engagement', code, null, label_vi, label_ja, label_en,
           description_vi, description_ja, description_en, 3, sort_order
      from engagement_kinds
    union all
    select 'position', code, null, label_vi, label_ja, label_en, null, null, null, 4, sort_order
      from positions
    union all
    select 'mechanism', code, null, label_vi, label_ja, label_en,
           description_vi, description_ja, description_en, 5, sort_order
      from mechanisms
    union all
    select 'language', code, null, label_vi, label_ja, label_en, null, null, null, 6, sort_order
      from languages
    union all
    select 'level', code, null, label_vi, label_ja, label_en, null, null, null, 7, sort_order
      from language_levels
    order by grp, sort_order, code";
