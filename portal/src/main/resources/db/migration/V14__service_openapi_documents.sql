-- A tenant may attach its own OpenAPI 3 document to a service (JSON or YAML text as given, at most
-- 1 MiB, validated by the portal on save): the API catalog then documents the service's routes with
-- the document's operations instead of generic ones. The table is already tenant-scoped (RLS).
alter table services add column open_api text
    check (open_api is null or octet_length(open_api) <= 1048576);
