-- GIN indexes on the facet values of profiles and of published problems (issue 7, ranking).
--
-- When a problem seeks a rare engagement kind (a fifth or less of the profiles offer
-- `partner_introduction`), the first ranking pass, which reads a window of each field's
-- holders whatever they offer, comes out short, and a second pass reads the holders that
-- offer a wanted kind. That pass built the set of every profile offering the kind (16,000 at
-- 100,000 profiles, 15 ms) and read every holder of the neighbouring fields (73,000 rows,
-- 110 ms). With these indexes it asks for `field:<code>` and `engagement:<kind>` together and
-- reads only the rows that have both (`matches::ranking::queries`).

create index scientist_profiles_facets_idx on scientist_profiles using gin (facet_values);
create index problems_published_facets_idx on problems using gin (facet_values)
    where status = 'published';
