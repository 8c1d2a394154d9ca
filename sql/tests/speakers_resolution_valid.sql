-- every speaker resolves to a person, says how, and an unresolved one keeps the name it was given
select doc_id, speaker_named, person, resolved_by
from speakers
where person is null
    or resolved_by not in ('name', 'romanisation', 'article', 'site', 'unresolved')
    or (resolved_by = 'unresolved' and person <> speaker_named);
