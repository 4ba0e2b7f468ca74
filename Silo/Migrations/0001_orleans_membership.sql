-- Cluster membership for Microsoft.Orleans.Clustering.AdoNet 10.4.2, invariant "Npgsql".
--
-- The provider reads every query it runs from OrleansQuery ("SELECT QueryKey, QueryText FROM
-- OrleansQuery", unquoted, so the table is orleansquery in the first schema of search_path) and
-- binds these parameters by name: DeploymentId (the ClusterId), Address, Port, Generation,
-- SiloName, HostName, Status (SiloStatus as int, Active = 3, Dead = 6), ProxyPort, StartTime,
-- IAmAliveTime (UTC DateTime -> timestamptz), SuspectTimes ("silo,date|silo,date" or null) and
-- Version (the table version etag as int).
--
-- Version semantics: one version row per cluster. Every membership write (insert or update of a
-- silo row) succeeds only when the caller's Version equals the stored one, and then increments it
-- in the same statement; a stale writer gets false and re-reads. Heartbeats (UpdateIAmAlivetimeKey)
-- and the clean-up of long-dead rows do not touch the version, as in Orleans' own scripts.
-- Writes are single statements: the version row's lock serialises concurrent writers.

CREATE TABLE orleansquery (
    querykey varchar(64) NOT NULL PRIMARY KEY,
    querytext text NOT NULL
);

CREATE TABLE orleans_membership_version (
    deployment_id varchar(150) NOT NULL PRIMARY KEY,
    version integer NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orleans_membership (
    deployment_id varchar(150) NOT NULL
        REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address varchar(45) NOT NULL,
    port integer NOT NULL,
    generation integer NOT NULL,
    silo_name varchar(150) NOT NULL,
    host_name varchar(150) NOT NULL,
    status integer NOT NULL,
    proxy_port integer NOT NULL,
    suspect_times text NULL,
    start_time timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Creates the cluster's version row once; true when this call created it.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT count(*) > 0 FROM created
$q$),

-- The version row joined with every silo row (none: one row whose member columns are null,
-- which the provider reads as "no members, table version N").
('MembershipReadAllKey', $q$
SELECT v.version AS "Version",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
       m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId
$q$),

-- As above for one silo; the silo filter sits in the join so the version row always comes back.
('MembershipReadRowKey', $q$
SELECT v.version AS "Version",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
       m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
    AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId
$q$),

-- Adds a silo row and bumps the version, both or neither: the bump requires the expected version
-- and no existing row, and the insert only happens when the bump did.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version v
    SET version = v.version + 1, updated_at = now()
    WHERE v.deployment_id = @DeploymentId AND v.version = @Version
      AND NOT EXISTS (
          SELECT 1 FROM orleans_membership m
          WHERE m.deployment_id = @DeploymentId AND m.address = @Address
            AND m.port = @Port AND m.generation = @Generation)
    RETURNING v.deployment_id
), inserted AS (
    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name,
                                    status, proxy_port, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName,
           @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM bumped
    RETURNING 1
)
SELECT count(*) > 0 FROM inserted
$q$),

-- Rewrites a silo's status, suspicions and heartbeat and bumps the version, both or neither.
('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version v
    SET version = v.version + 1, updated_at = now()
    WHERE v.deployment_id = @DeploymentId AND v.version = @Version
      AND EXISTS (
          SELECT 1 FROM orleans_membership m
          WHERE m.deployment_id = @DeploymentId AND m.address = @Address
            AND m.port = @Port AND m.generation = @Generation)
    RETURNING v.deployment_id
), updated AS (
    UPDATE orleans_membership m
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM bumped
    WHERE m.deployment_id = bumped.deployment_id AND m.address = @Address
      AND m.port = @Port AND m.generation = @Generation
    RETURNING 1
)
SELECT count(*) > 0 FROM updated
$q$),

-- The heartbeat: no version check, no version bump.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),

-- Active silos with a gateway endpoint, for clients.
('GatewaysQueryKey', $q$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM orleans_membership
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),

-- Drops a whole cluster; its silo rows go with the version row (ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
$q$),

-- Bulk clean-up of dead silos not heard from since @IAmAliveTime (used only when the per-row
-- query below is missing).
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId AND status = 6 AND i_am_alive_time < @IAmAliveTime
$q$),

-- Per-row clean-up: the provider picked this dead row by its start, heartbeat and suspicion
-- times; delete it only if none of them changed since.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
  AND status = 6
  AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
  AND suspect_times IS NOT DISTINCT FROM @SuspectTimes
$q$);
