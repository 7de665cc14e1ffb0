-- Finer term statistics for the search documents (issue 7, ranking).
--
-- Ranking leaves out common terms and bounds the documents a query's terms may be in
-- (`matches::ranking::text`), by the share of rows containing each term that ANALYZE keeps in
-- `pg_stats.most_common_elems`. With the default statistics target (100) that list holds
-- about a thousand terms, every one in more than 1.6 % of the profiles at 100,000: nothing
-- was known of the many terms between 0.2 % and 1.6 %, which made up most of a problem's
-- query and most of the cost of its lookup. With a target of 1,000, ANALYZE samples up to
-- 300,000 rows and lists terms down to about 0.05 % (3,233 terms at 100,000 profiles;
-- ANALYZE of the column took 0.7 s there).

alter table scientist_profiles alter column search_doc set statistics 1000;
alter table problems alter column search_doc set statistics 1000;

analyze scientist_profiles (search_doc);
analyze problems (search_doc);
