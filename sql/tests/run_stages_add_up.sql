-- run_stages holds every stage of every run once: its seconds add up to runs.stage_seconds_total
with stage_totals as (
    select run_id, sum(seconds) as seconds, count(*) as n_stages from run_stages group by run_id
)
select r.run_id, r.stage_seconds_total, t.seconds, cardinality(r.stage_seconds) as expected_stages, t.n_stages
from runs as r
left join stage_totals as t using (run_id)
where abs(coalesce(r.stage_seconds_total, 0) - coalesce(t.seconds, 0)) > 1e-9
    or coalesce(cardinality(r.stage_seconds), 0) <> coalesce(t.n_stages, 0);
