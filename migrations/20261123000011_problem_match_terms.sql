-- A problem's terms for matching, analysed once when it is written (issue 7).
--
-- The recommendations page ranks up to 300 problems for a scientist, and each problem's text
-- term is its own OR-query (its keywords, title, summary and the opening of its description,
-- in that order of importance: `matches::ranking::text::problem_terms`) in the scientist's
-- search document. Analysing those texts again for every request was most of the page's cost
-- (about 60 ms of 110 at 100,000 profiles). The application stores the terms with every
-- insert and update of a problem; rows written before this column, or by hand, have NULL,
-- which the ranking analyses on the fly and a task at start-up fills in
-- (`matches::ranking::text::fill_missing_match_terms`).

alter table problems add column match_terms text[];

create index problems_without_match_terms_idx on problems (id) where match_terms is null;
