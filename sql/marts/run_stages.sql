-- run_stages: the seconds of each stage of each run, in the order the flow runs them.
-- Grain: (run_id, stage).
-- The stages of a run add up to its stage_seconds_total; wall_seconds less that total is Prefect's
-- overhead between stages.
create or replace view run_stages as
with stages as (
    select
        run_id,
        started_at,
        wall_seconds,
        unnest(map_keys(stage_seconds)) as stage,
        unnest(map_values(stage_seconds)) as seconds
    from runs
),
flow_order as (
    select
        *
    from (values ('startup', 0), ('discover', 1), ('plan', 2), ('templates', 3), ('process', 4), ('carry_over', 5),
                 ('publish', 6), ('models', 7)) as t(stage, position)
)
select
    s.run_id,
    s.started_at,
    coalesce(o.position, 100) as position,  -- 0 for startup (Prefect's start before the flow), 1 for the flow's first stage; a stage added later sorts last
    s.stage,  -- startup, discover, plan, templates, process, carry_over, publish, models
    s.seconds,  -- seconds the stage took
    s.seconds / nullif(s.wall_seconds, 0) as share_of_wall  -- share of the run's wall time (0-1)
from stages as s
left join flow_order as o using (stage);
