//! Page structs for the profile form, the profile page and the directory.

use askama::Template;

use crate::scientists::forms::{ProfileForm, PublicationRow};
use crate::scientists::model::{Profile, Visibility};
use crate::taxonomy::Taxonomy;
use crate::web::context::RequestContext;
use crate::web::forms::FieldErrors;

#[derive(Template)]
#[template(path = "scientists/edit.html")]
pub struct EditPage<'a> {
    pub ctx: &'a RequestContext,
    pub taxonomy: &'a Taxonomy,
    pub form: ProfileForm,
    pub errors: FieldErrors,
    /// The saved profile's completeness, when there is a saved profile.
    pub completeness: Option<u8>,
    pub missing: Vec<&'static str>,
    pub profile_id: Option<i64>,
    /// The publications typed so far plus one empty row for a new one.
    pub publication_rows: Vec<PublicationInputs>,
    pub visibilities: [Visibility; 3],
    /// The first area's code: its first checkbox carries the id `fields` for error links.
    pub first_area_code: String,
}

impl<'a> EditPage<'a> {
    pub fn new(ctx: &'a RequestContext, taxonomy: &'a Taxonomy, form: ProfileForm) -> Self {
        let empty = PublicationRow::default();
        let publication_rows = form
            .publications
            .iter()
            .chain(std::iter::once(&empty))
            .enumerate()
            .map(|(index, row)| PublicationInputs::new(index, row))
            .collect();
        EditPage {
            ctx,
            taxonomy,
            form,
            errors: FieldErrors::new(),
            completeness: None,
            missing: Vec::new(),
            profile_id: None,
            publication_rows,
            visibilities: Visibility::ALL,
            first_area_code: taxonomy
                .areas
                .first()
                .map(|a| a.area.code.clone())
                .unwrap_or_default(),
        }
    }
}

/// One publication row of the form: four inputs named `publication_<part>`, with ids
/// `publication_<part>-<index>` so errors can point at them.
pub struct PublicationInputs {
    pub index: usize,
    pub number: usize,
    pub inputs: Vec<PublicationInput>,
    pub removable: bool,
}

pub struct PublicationInput {
    pub id: String,
    pub name: &'static str,
    pub label_key: &'static str,
    pub value: String,
    pub width: &'static str,
}

impl PublicationInputs {
    fn new(index: usize, row: &PublicationRow) -> Self {
        let parts = [
            ("title", "field-publication-title", &row.title, "30"),
            ("venue", "field-publication-venue", &row.venue, "30"),
            ("year", "field-publication-year", &row.year, "4"),
            ("doi", "field-publication-doi", &row.doi, "20"),
        ];
        let inputs = parts
            .into_iter()
            .map(|(part, label_key, value, width)| PublicationInput {
                id: format!("publication_{part}-{index}"),
                name: match part {
                    "title" => "publication_title",
                    "venue" => "publication_venue",
                    "year" => "publication_year",
                    _ => "publication_doi",
                },
                label_key,
                value: value.clone(),
                width,
            })
            .collect();
        PublicationInputs {
            index,
            number: index + 1,
            inputs,
            removable: !row.title.is_empty(),
        }
    }
}

#[derive(Template)]
#[template(path = "scientists/show.html")]
pub struct ShowPage<'a> {
    pub ctx: &'a RequestContext,
    pub p: &'a Profile,
    pub position: String,
    pub hub: String,
    pub field_labels: Vec<String>,
    pub engagement_labels: Vec<String>,
    pub language_labels: Vec<String>,
    pub availability: String,
    pub summary_html: String,
    pub is_owner: bool,
    pub updated: String,
}

pub struct FacetOption {
    pub code: String,
    pub label: String,
    pub count: i64,
    pub selected: bool,
}

pub struct FacetView {
    pub name: &'static str,
    pub label_key: &'static str,
    pub options: Vec<FacetOption>,
}

pub struct ResultRow {
    pub id: i64,
    pub full_name: String,
    pub position: String,
    pub affiliation: String,
    pub hub: String,
    pub fields: String,
    pub keywords: String,
}

#[derive(Template)]
#[template(path = "scientists/directory.html")]
pub struct DirectoryPage<'a> {
    pub ctx: &'a RequestContext,
    pub query: crate::scientists::directory::DirectoryQuery,
    pub facets: Vec<FacetView>,
    pub results: Vec<ResultRow>,
    pub total: i64,
    /// `total` and the facet counts are estimates.
    pub estimated: bool,
    pub nav: crate::web::pagination::PageNav,
}
