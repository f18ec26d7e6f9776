--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: cf; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA cf;


--
-- Name: es; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA es;


--
-- Name: rm; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA rm;


--
-- Name: append(text, uuid[], text[], bigint[], integer[], uuid[], text[], jsonb[], jsonb[], timestamp with time zone); Type: FUNCTION; Schema: es; Owner: -
--

CREATE FUNCTION es.append(p_tenant text, p_streams uuid[], p_stream_types text[], p_expected bigint[], p_event_stream integer[], p_event_ids uuid[], p_event_types text[], p_event_data jsonb[], p_event_meta jsonb[], p_recorded_at timestamp with time zone) RETURNS bigint[]
    LANGUAGE plpgsql
    AS $$
declare
  v_tx       bigint := pg_current_xact_id()::text::bigint;
  v_n        int    := coalesce(cardinality(p_streams), 0);
  v_m        int    := coalesce(cardinality(p_event_stream), 0);
  v_current  bigint[];
  v_next     bigint[];
  v_versions bigint[];
  v_version  bigint;
  v_last_tx  bigint;
  r          record;
  i          int;
  s          int;
begin
  if v_n = 0 then
    return '{}';
  end if;
  v_current := array_fill(-1::bigint, array[v_n]);

  -- Existing streams: lock them (in id order), then read their current version under the lock.
  for r in
    select st.id, st.type, st.is_archived
      from es.streams st
     where st.tenant_id = p_tenant and st.id = any(p_streams)
     order by st.id
       for update
  loop
    i := array_position(p_streams, r.id);
    select e.version, e.tx_id into v_version, v_last_tx
      from es.events e where e.tenant_id = p_tenant and e.stream_id = r.id
     order by e.version desc limit 1;
    v_version := coalesce(v_version, 0);
    if r.is_archived then
      raise exception using errcode = 'CF410', message = format('stream %s is archived', r.id);
    end if;
    if r.type <> p_stream_types[i] then
      raise exception using errcode = 'CF422', message = format('stream %s is a %s stream, not %s', r.id, r.type, p_stream_types[i]), hint = r.type;
    end if;
    if p_expected[i] = 0 or (p_expected[i] > 0 and p_expected[i] <> v_version) then
      raise exception using errcode = 'CF409', message = format('stream %s is at version %s, expected %s', r.id, v_version, p_expected[i]), hint = v_version::text;
    end if;
    if v_last_tx > v_tx then
      raise exception using errcode = 'CF411', message = format('stream %s was last written by a younger transaction', r.id);
    end if;
    v_current[i] := v_version;
  end loop;

  for i in 1 .. v_n loop
    if v_current[i] = -1 and p_expected[i] > 0 then
      raise exception using errcode = 'CF404', message = format('stream %s does not exist', p_streams[i]);
    end if;
  end loop;

  -- Versions: each stream continues from its current version, in the order its events were given.
  v_next := v_current;
  for i in 1 .. v_n loop
    if v_next[i] < 0 then
      v_next[i] := 0;
    end if;
  end loop;
  v_versions := array_fill(0::bigint, array[greatest(v_m, 1)]);
  for i in 1 .. v_m loop
    s := p_event_stream[i];
    v_next[s] := v_next[s] + 1;
    v_versions[i] := v_next[s];
  end loop;

  insert into es.streams (tenant_id, id, type)
  select p_tenant, p_streams[x.i], p_stream_types[x.i]
    from generate_subscripts(p_streams, 1) as x(i)
   where v_current[x.i] = -1;

  insert into es.events (tenant_id, stream_id, version, seq, id, type, data, metadata, recorded_at, tx_id)
  select p_tenant, p_streams[e.s], e.v, nextval('es.events_seq'), e.id, e.type, e.data, e.meta, p_recorded_at, v_tx
    from unnest(p_event_stream, p_event_ids, v_versions, p_event_types, p_event_data, p_event_meta)
         as e(s, id, v, type, data, meta);

  return v_next;
end
$$;


--
-- Name: expect_rows(integer, integer, text, text); Type: FUNCTION; Schema: es; Owner: -
--

CREATE FUNCTION es.expect_rows(p_actual integer, p_expected integer, p_code text, p_message text) RETURNS integer
    LANGUAGE plpgsql
    AS $$
begin
  if p_actual is distinct from p_expected then
    raise exception using errcode = p_code, message = p_message;
  end if;
  return p_actual;
end
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: calendar_years; Type: TABLE; Schema: cf; Owner: -
--

CREATE TABLE cf.calendar_years (
    year integer NOT NULL,
    holidays date[] NOT NULL,
    workdays date[] NOT NULL,
    source text NOT NULL,
    loaded_at timestamp with time zone DEFAULT now() NOT NULL,
    loaded_by text NOT NULL
);


--
-- Name: letter_templates; Type: TABLE; Schema: cf; Owner: -
--

CREATE TABLE cf.letter_templates (
    agency text NOT NULL,
    template text NOT NULL,
    version integer NOT NULL,
    body text NOT NULL,
    saved_by text NOT NULL,
    saved_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: notifications; Type: TABLE; Schema: cf; Owner: -
--

CREATE TABLE cf.notifications (
    id bigint NOT NULL,
    user_name text NOT NULL,
    agency text NOT NULL,
    kind text NOT NULL,
    title text NOT NULL,
    body text NOT NULL,
    link text,
    dedup_key text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    read_at timestamp with time zone
);


--
-- Name: notifications_id_seq; Type: SEQUENCE; Schema: cf; Owner: -
--

ALTER TABLE cf.notifications ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME cf.notifications_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: users; Type: TABLE; Schema: cf; Owner: -
--

CREATE TABLE cf.users (
    user_name text NOT NULL,
    agency text NOT NULL,
    display_name text NOT NULL,
    password_hash text NOT NULL,
    roles text[] NOT NULL,
    failed_attempts integer DEFAULT 0 NOT NULL,
    locked_until timestamp with time zone,
    disabled boolean DEFAULT false NOT NULL,
    email text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_sign_in_at timestamp with time zone
);


--
-- Name: commands; Type: TABLE; Schema: es; Owner: -
--

CREATE TABLE es.commands (
    tenant_id text NOT NULL,
    id text NOT NULL,
    stream_id uuid NOT NULL,
    version bigint NOT NULL,
    result jsonb,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: dead_letters; Type: TABLE; Schema: es; Owner: -
--

CREATE TABLE es.dead_letters (
    projection text NOT NULL,
    tenant_id text NOT NULL,
    seq bigint NOT NULL,
    event_type text NOT NULL,
    stream_id uuid NOT NULL,
    error text NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: events; Type: TABLE; Schema: es; Owner: -
--

CREATE TABLE es.events (
    tenant_id text NOT NULL,
    stream_id uuid NOT NULL,
    version bigint NOT NULL,
    seq bigint NOT NULL,
    id uuid NOT NULL,
    type text NOT NULL,
    data jsonb NOT NULL,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    tx_id bigint DEFAULT ((pg_current_xact_id())::text)::bigint NOT NULL,
    is_archived boolean DEFAULT false NOT NULL
);


--
-- Name: events_seq; Type: SEQUENCE; Schema: es; Owner: -
--

CREATE SEQUENCE es.events_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: events_seq; Type: SEQUENCE OWNED BY; Schema: es; Owner: -
--

ALTER SEQUENCE es.events_seq OWNED BY es.events.seq;


--
-- Name: jobs; Type: TABLE; Schema: es; Owner: -
--

CREATE TABLE es.jobs (
    tenant_id text NOT NULL,
    id uuid NOT NULL,
    kind text NOT NULL,
    payload jsonb NOT NULL,
    due_at timestamp with time zone NOT NULL,
    status text DEFAULT 'pending'::text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    max_attempts integer DEFAULT 8 NOT NULL,
    locked_by text,
    locked_until timestamp with time zone,
    last_error text,
    dedup_key text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    completed_at timestamp with time zone,
    CONSTRAINT jobs_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'running'::text, 'done'::text, 'dead'::text, 'cancelled'::text])))
);


--
-- Name: progress; Type: TABLE; Schema: es; Owner: -
--

CREATE TABLE es.progress (
    name text NOT NULL,
    projection_version integer DEFAULT 1 NOT NULL,
    last_tx bigint DEFAULT 0 NOT NULL,
    last_seq bigint DEFAULT 0 NOT NULL,
    events_applied bigint DEFAULT 0 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: schema_migrations; Type: TABLE; Schema: es; Owner: -
--

CREATE TABLE es.schema_migrations (
    module text NOT NULL,
    version integer NOT NULL,
    name text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: streams; Type: TABLE; Schema: es; Owner: -
--

CREATE TABLE es.streams (
    tenant_id text NOT NULL,
    id uuid NOT NULL,
    type text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    is_archived boolean DEFAULT false NOT NULL
);


--
-- Name: agencies; Type: TABLE; Schema: rm; Owner: -
--

CREATE TABLE rm.agencies (
    tenant_id text NOT NULL,
    id uuid NOT NULL,
    version bigint NOT NULL,
    data jsonb NOT NULL,
    code text,
    name text,
    parent text
);


--
-- Name: annual_reports; Type: TABLE; Schema: rm; Owner: -
--

CREATE TABLE rm.annual_reports (
    tenant_id text NOT NULL,
    id uuid NOT NULL,
    version bigint NOT NULL,
    data jsonb NOT NULL,
    year integer,
    latest_version integer
);


--
-- Name: disclosure_stats; Type: TABLE; Schema: rm; Owner: -
--

CREATE TABLE rm.disclosure_stats (
    tenant_id text NOT NULL,
    id uuid NOT NULL,
    version bigint NOT NULL,
    data jsonb NOT NULL,
    year integer
);


--
-- Name: report_cases; Type: TABLE; Schema: rm; Owner: -
--

CREATE TABLE rm.report_cases (
    tenant_id text NOT NULL,
    id uuid NOT NULL,
    version bigint NOT NULL,
    data jsonb NOT NULL,
    case_reference text,
    request_reference text,
    case_group text,
    counted boolean,
    filed_on date,
    concluded_on date,
    result text
);


--
-- Name: report_requests; Type: TABLE; Schema: rm; Owner: -
--

CREATE TABLE rm.report_requests (
    tenant_id text NOT NULL,
    id uuid NOT NULL,
    version bigint NOT NULL,
    data jsonb NOT NULL,
    reference text,
    received_on date,
    applicant_column text,
    concluded_on date,
    outcome text,
    reopened boolean
);


--
-- Name: request_files; Type: TABLE; Schema: rm; Owner: -
--

CREATE TABLE rm.request_files (
    tenant_id text NOT NULL,
    id uuid NOT NULL,
    version bigint NOT NULL,
    data jsonb NOT NULL,
    reference text,
    status text,
    received_on date,
    channel text,
    applicant_type text,
    applicant_name text,
    officer text,
    outcome text,
    concluded_on date,
    subject text
);


--
-- Data for Name: calendar_years; Type: TABLE DATA; Schema: cf; Owner: -
--

INSERT INTO cf.calendar_years VALUES (2027, '{2027-01-01,2027-10-01,2027-10-04}', '{2027-09-26}', 'fixture: 国务院办公厅关于2027年部分节假日安排的通知（测试用）', '2026-12-01 19:58:54.471789+00', 'cli:fixture');


--
-- Data for Name: letter_templates; Type: TABLE DATA; Schema: cf; Owner: -
--

INSERT INTO cf.letter_templates VALUES ('fx-health', 'receipt', 1, '# 政府信息公开申请登记回执
## {{agency}}〔{{reference}}〕
<< {{applicant}}：
本机关于{{receivedOn}}收到您提出的政府信息公开申请（申请编号：{{reference}}），申请公开的内容为：“{{subject}}”。
根据《中华人民共和国政府信息公开条例》第三十一条、第三十三条的规定，本机关将自收到申请之日起20个工作日内予以答复；需要延长答复期限的，将另行告知，延长的期限最长不超过20个工作日。
特此告知。
>> {{agency}}
>> {{date}}
（本机关自定义：请保留回执。）', 'wu.fang', '2026-12-01 19:58:54.505625+00');


--
-- Data for Name: notifications; Type: TABLE DATA; Schema: cf; Owner: -
--

INSERT INTO cf.notifications OVERRIDING SYSTEM VALUE VALUES (1, 'sun.li', 'fx-health', 'notice', '欢迎使用', '测试通知', '/', 'fixture:welcome', '2026-12-01 19:58:54.583664+00', NULL);
INSERT INTO cf.notifications OVERRIDING SYSTEM VALUE VALUES (2, 'wu.fang', 'fx-health', 'notice', '欢迎使用', '测试通知', '/', 'fixture:welcome', '2026-12-01 19:58:54.583664+00', NULL);
INSERT INTO cf.notifications OVERRIDING SYSTEM VALUE VALUES (3, 'wu.fang', 'fx-health', 'reminder.clarification-notice', '申请 2026-004：补正告知期限还有 1 个工作日（2026-03-18）', '补正告知期限为 2026-03-18，还有 1 个工作日。2026-03-09（星期一） 收到申请。 收到之日不计入，第1个工作日为 2026-03-10（星期二）。 补正告知应自收到申请之日起 7 个工作日内一次性发出（《条例》第三十条），届满于 2026-03-18（星期三）。', '/requests/2026-004', 'reminder:request:fx-health/2026-004/clarification-notice/2026-03-18/2', '2026-12-01 19:58:54.685226+00', NULL);


--
-- Data for Name: users; Type: TABLE DATA; Schema: cf; Owner: -
--

INSERT INTO cf.users VALUES ('wu.fang', 'fx-health', '吴芳', 'AQAAAAIAAYagAAAAECvUQ7vloA6F9LlDcn6ZcyBMJLjwQg4BGah3EXCqDGP+4K0FpWeaNGuEcH9bOEU70w==', '{officer,approver}', 0, NULL, false, 'wu.fang@example.gov.cn', '2026-12-01 19:58:54.239342+00', NULL);
INSERT INTO cf.users VALUES ('gov.admin', 'fx-gov', '市政府管理员', 'AQAAAAIAAYagAAAAELuK6D44f4yt+IKqzOOg6OXokefBew6ESwtKScwXCOXufTLc7RSuuoj6n/pqKDhK2A==', '{admin,reporting}', 0, NULL, false, NULL, '2026-12-01 19:58:54.458795+00', NULL);
INSERT INTO cf.users VALUES ('sun.li', 'fx-health', '孙丽', 'AQAAAAIAAYagAAAAECUD38DaNMphTrJUt0UvsOjQyHR2zX24d0cgObrbHt5K4dhfDy1GzxOq6HvxiqH5Ag==', '{legal,auditor}', 0, NULL, false, NULL, '2026-12-01 19:58:54.324772+00', NULL);


--
-- Data for Name: commands; Type: TABLE DATA; Schema: es; Owner: -
--

INSERT INTO es.commands VALUES ('fx-gov', 'sha256:4b0865a373a60dc93a22722663830aa21245314a92e01d4308a71b02e223ee7e', '93260c12-57a9-51b6-9136-5eb024b88894', 1, NULL, '2026-12-01 19:58:53.028637+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:399986863d88e8a645ee8567a9ce8c926ee960f30fb1f50f8e8b911e6a99c104', 'c1960c13-73e2-5539-b948-62f27b6f0faa', 1, NULL, '2026-12-01 19:58:53.104188+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:5f3d62aa996bfeacef1311f980fa7af6158d13e93cd8e65bad6e01da9f0c7c59', 'cb73dff7-7710-5286-9e3a-261c85119f67', 1, NULL, '2026-12-01 19:58:53.140395+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:e74d636fb019228ed01a54750ceca1982a50adaf718770e5f778ace04d38d53e', 'cb73dff7-7710-5286-9e3a-261c85119f67', 2, NULL, '2026-12-01 19:58:53.349983+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:153dba321bf672a67dab9128eec53b048ba529100883f60dc553156b25c07022', '5065eb3a-ab64-5962-b822-35e8abcf782d', 1, NULL, '2026-12-01 19:58:53.396749+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:bca66e5064a4827a81b09baa696804145ad1bc5ec94852692519fc352a5c2f36', '5065eb3a-ab64-5962-b822-35e8abcf782d', 2, NULL, '2026-12-01 19:58:53.419832+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:637aa3d0bad260c5d5eec56ce7de75947df1deeade42c7c0c017151275d508f0', '5065eb3a-ab64-5962-b822-35e8abcf782d', 3, NULL, '2026-12-01 19:58:53.438036+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:f696ec495845b65cf026190bb21193de6e1cd870444e5d569b366c14ab0f9d64', '5065eb3a-ab64-5962-b822-35e8abcf782d', 4, NULL, '2026-12-01 19:58:53.451298+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:bcd712352423c65351fa20769d372c354d9a7a3e6ddc84318e18fa2b71c1ab3b', 'e190cada-d18f-5bac-a59d-a6f32b1f7017', 1, NULL, '2026-12-01 19:58:53.459306+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:a33ab92dc5a3788cef5c816b94bff0c759b9e546d49cce54a88283473ba9fc63', 'e190cada-d18f-5bac-a59d-a6f32b1f7017', 2, NULL, '2026-12-01 19:58:53.468657+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:26925b7f4090fb40c31077737bde905f1addf9c31949c22be58bf4a6305a8309', 'e190cada-d18f-5bac-a59d-a6f32b1f7017', 3, NULL, '2026-12-01 19:58:53.477077+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:ddc7e0e98251e31a7b13cd670f895ac6fed2bc8b59488b439e2d73d2be1e2f1d', 'f85192f5-86ac-5db5-9cbe-0005f2a7775f', 1, NULL, '2026-12-01 19:58:53.484649+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:6724bb924addbb2c2d17f6a25d99979b654530dbfb8190de749221d84763b00c', 'f85192f5-86ac-5db5-9cbe-0005f2a7775f', 2, NULL, '2026-12-01 19:58:53.492469+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:573154e248bb7327a3e31810dd8ecfa2761c8a7a3d67a7bd1f0866c8c4513257', 'f85192f5-86ac-5db5-9cbe-0005f2a7775f', 3, NULL, '2026-12-01 19:58:53.525772+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:72f8253d33ac9bfdb7db7226be68375f4a1d3237a99d50de5f00789fe6097657', 'f85192f5-86ac-5db5-9cbe-0005f2a7775f', 4, NULL, '2026-12-01 19:58:53.543422+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:52c0424f5ff6cae8f714b749082011e97ea907cf6e44cf085b7af93dbd6819ac', 'b0af57cc-4fac-5970-a53c-ca2b9b12fa62', 1, NULL, '2026-12-01 19:58:53.551615+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:f06037426595cbd3d12973290a30a21a95ea720bec58136f44461efc308448ce', 'b0af57cc-4fac-5970-a53c-ca2b9b12fa62', 2, NULL, '2026-12-01 19:58:53.567285+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:bede027594bc065a460c02eba16cc53cf091700ceed09589fedcebec2563bddc', 'b0af57cc-4fac-5970-a53c-ca2b9b12fa62', 3, NULL, '2026-12-01 19:58:53.581001+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:4800cbabe17aefb911d50ffb94ae62d0daa6e1810b82594bdf0888221166d3db', 'b0af57cc-4fac-5970-a53c-ca2b9b12fa62', 4, NULL, '2026-12-01 19:58:53.590511+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:f112d808d8da16a9488ed48c29b9db883cd8802a4ee9d3a12fa4c9078213ef7c', '2b96e33e-fd83-530a-94a6-8e7d56ccae0e', 1, NULL, '2026-12-01 19:58:53.596483+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:1c1b449ed93b9d5cbb480b7ae4d3a71140c2487f75417176c52710ab2dfa2d0c', '2b96e33e-fd83-530a-94a6-8e7d56ccae0e', 2, NULL, '2026-12-01 19:58:53.601959+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:e37a8c0e6754ea8273f9bbd872b1f432d4bc8a36f275e07f16079e046875e2ca', '6e67b420-3fe9-5f4a-8304-0930a0c73e47', 1, NULL, '2026-12-01 19:58:53.608987+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:ed226c97fbe2c351fc04e3c8c7dd53c3123254cd76d4e17a3f9a15ff313dffe3', '6e67b420-3fe9-5f4a-8304-0930a0c73e47', 2, NULL, '2026-12-01 19:58:53.612259+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:b615f5b71352d7ffb8f0cf04015dfc6f62fb2bc3910963559b1cec723e39ed8c', '6e67b420-3fe9-5f4a-8304-0930a0c73e47', 3, NULL, '2026-12-01 19:58:53.616594+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:58e06987f2022b4ca11635f7f6348da1c59adf5756a3a5fb0e0276914b08b693', '79568456-d159-542f-8bb1-69bb2fb2a141', 1, NULL, '2026-12-01 19:58:53.624319+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:aa5f7b946dc9a0efaa1534febc94d392ec1c16dd403e34c293395396ca6396a9', '2d83bac2-e7ed-5c22-acc3-b5dd9e0afbe6', 1, NULL, '2026-12-01 19:58:53.63057+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:838981fbc6a3f5a4518c65bee549ba13c71ca1675719280c2656b4b1da9cffae', '9f858558-a3c6-5360-a2df-e1438a65f3d7', 1, NULL, '2026-12-01 19:58:53.633768+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:72e010146621474fe87d998204f0101cfbff8b7292481141f09f7040e8567d1c', '9f858558-a3c6-5360-a2df-e1438a65f3d7', 2, NULL, '2026-12-01 19:58:53.636767+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:d671b11843081bcc775070c0f7e068a290c84d2a8334053a3b366630f59c6976', '966af7eb-19c3-5137-aaaa-4c1d538265b0', 1, NULL, '2026-12-01 19:58:53.646964+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:28f6cd697540a2f9f136d013841d4be42eaa7a9dd48eff1cca625f82f8851386', '966af7eb-19c3-5137-aaaa-4c1d538265b0', 2, NULL, '2026-12-01 19:58:53.73274+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:dcf12ebf4ef554b38d89f69755d452d963db9acb3ac7dca28d4b125966b8cfcb', '966af7eb-19c3-5137-aaaa-4c1d538265b0', 3, NULL, '2026-12-01 19:58:53.742019+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:6f438f26c6d1f81917121490640c7b6efe3638e39615095394cf6799e236a560', '966af7eb-19c3-5137-aaaa-4c1d538265b0', 4, NULL, '2026-12-01 19:58:53.747883+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:1e85355a4010e87b68716d4a449d1b733a398c601dbacde1aff320cc7a1baba9', '966af7eb-19c3-5137-aaaa-4c1d538265b0', 5, NULL, '2026-12-01 19:58:53.771495+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:4468954aba91fe00d390e27ac0dfaf94e012fa29efaf7ecc6716c5b74df6da2c', '9f858558-a3c6-5360-a2df-e1438a65f3d7', 5, NULL, '2026-12-01 19:58:53.789971+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:5d0604ada79041907abf53373c6ee425026ca83cb52b70520564a564e931af34', '9f858558-a3c6-5360-a2df-e1438a65f3d7', 6, NULL, '2026-12-01 19:58:53.796838+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:ace2e55b60db6150c5e502c60ff3fc6f7040eaeef4243c7e8ba2bd3665b0150c', 'a97f094c-1cfc-5566-a220-698e3dae7e1c', 1, NULL, '2026-12-01 19:58:53.810696+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:240e23d88018290e83ca6e6437459613eb9e9ede90906d9a155e4087bd520966', 'a97f094c-1cfc-5566-a220-698e3dae7e1c', 2, NULL, '2026-12-01 19:58:53.83052+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:d612c0dd29b0ae232f019836520f268963991c2e20f48c758e5aa30af71616ba', 'a97f094c-1cfc-5566-a220-698e3dae7e1c', 3, NULL, '2026-12-01 19:58:53.854051+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:c7403d84d56ea6973fccbd19338e41ebeb6662d1360634b14af70eccf387e0fe', 'a97f094c-1cfc-5566-a220-698e3dae7e1c', 4, NULL, '2026-12-01 19:58:53.862694+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:8056630ed7595fdd11c3a499200c91a46ee7407688cfba012039857781e0eac8', 'a97f094c-1cfc-5566-a220-698e3dae7e1c', 5, NULL, '2026-12-01 19:58:53.872708+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:51f26016e99187def3616d5901bc25ccdf9b59f30083ae76767941b49f9a599c', '099a220a-cc18-549e-b139-5145c37cb123', 1, NULL, '2026-12-01 19:58:53.890403+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:c9a025ecd78330f464552c18a1d117cfa810daa59c7cb12ea1b55a50b4e810c6/carry/2025-008', '79568456-d159-542f-8bb1-69bb2fb2a141', 2, NULL, '2026-12-01 19:58:53.941806+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:c9a025ecd78330f464552c18a1d117cfa810daa59c7cb12ea1b55a50b4e810c6/carry/2025-009', '2d83bac2-e7ed-5c22-acc3-b5dd9e0afbe6', 2, NULL, '2026-12-01 19:58:53.953376+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:c9a025ecd78330f464552c18a1d117cfa810daa59c7cb12ea1b55a50b4e810c6', 'ffa3a75f-f5e6-5e26-862f-75ceb43c1d30', 1, NULL, '2026-12-01 19:58:54.014512+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:c57869728cd32daa566b8331d98bfb2146b098e3a28e788c5d56885257acb0ad', '099a220a-cc18-549e-b139-5145c37cb123', 2, NULL, '2026-12-01 19:58:54.038558+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:e124791f0ede06ca30ba9b1b163259e2f964884df8bf9fcc9caa90d020679571', '79568456-d159-542f-8bb1-69bb2fb2a141', 3, NULL, '2026-12-01 19:58:54.042909+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:5d8256a798971142200d8a037c295e3e29ef672ea6897d8896537e4a37c2b5d5', '8f338e25-ac8d-58b8-bfe0-bf2f384c6d90', 1, NULL, '2026-12-01 19:58:54.048419+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:a09a145d0ab912bfdd9022ed6530a92c401f486b06fbfe4bcda67f308c382e74', '8f338e25-ac8d-58b8-bfe0-bf2f384c6d90', 2, NULL, '2026-12-01 19:58:54.05252+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:7302e292d16cc24284705e26b3c23fa763cc05619beb2965c7e80fc6eaa948a3', '8f338e25-ac8d-58b8-bfe0-bf2f384c6d90', 3, NULL, '2026-12-01 19:58:54.055376+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:59401c5686de5f08c71ab3922091109e9e98e298fb723016ee0bdf31b635a7a2', '616c6a7d-dc01-5277-997b-27d1f9d27db8', 1, NULL, '2026-12-01 19:58:54.059997+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:31398de48969889655e0f7a13735334c312f7e232d5008899326bb9f8a132f29', 'daf289d9-5a68-592c-904a-4f51ed7c5c1c', 1, NULL, '2026-12-01 19:58:54.062912+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:ec3315d27b37ed3a9a94d129e039818ce54cd8671af1efea0510a14238617d54', 'f7c907b6-8e4b-5367-8609-21398522c2d8', 1, NULL, '2026-12-01 19:58:54.06798+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:de82b9aec6661a43469f7d9198c3e32d6d050bbba0139e7af58d16d5ab983626', 'f7c907b6-8e4b-5367-8609-21398522c2d8', 2, NULL, '2026-12-01 19:58:54.07661+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:8d3768041f2a2f75a48223b9a7391ecfa9e20e9e14793a0925846e1d2420e31f', 'f7c907b6-8e4b-5367-8609-21398522c2d8', 3, NULL, '2026-12-01 19:58:54.08556+00');
INSERT INTO es.commands VALUES ('fx-health', 'sha256:e7840e34d4f7827a662528f6b336b047d34561f4f14429e61c74ebf04bb1ec5d', 'f7c907b6-8e4b-5367-8609-21398522c2d8', 4, NULL, '2026-12-01 19:58:54.094599+00');
INSERT INTO es.commands VALUES ('fx-gov', 'sha256:ad685be9dbc37979ae1280f18d58292d835c31cca95d1ded80f186f7cdc71cbe', '63e0f7ec-40d3-59be-895c-f2323a9cd1ca', 1, NULL, '2026-12-01 19:58:54.102145+00');
INSERT INTO es.commands VALUES ('fx-gov', 'sha256:2a56760cc45c570a0dbff0117554809bcd3d966c942b6028822e670d9d6dec85', '63e0f7ec-40d3-59be-895c-f2323a9cd1ca', 2, NULL, '2026-12-01 19:58:54.106178+00');


--
-- Data for Name: dead_letters; Type: TABLE DATA; Schema: es; Owner: -
--



--
-- Data for Name: events; Type: TABLE DATA; Schema: es; Owner: -
--

INSERT INTO es.events VALUES ('fx-gov', '93260c12-57a9-51b6-9136-5eb024b88894', 1, 1, '019cf45f-1d00-76ce-b16b-e06672293d6a', 'agency.registered.v1', '{"code": "fx-gov", "kind": "government", "name": "样例市人民政府"}', '{"actor": "cli:fixture", "commandId": "sha256:4b0865a373a60dc93a22722663830aa21245314a92e01d4308a71b02e223ee7e", "correlationId": "import:1"}', '2026-03-16 02:00:00+00', 5949, false);
INSERT INTO es.events VALUES ('fx-health', 'c1960c13-73e2-5539-b948-62f27b6f0faa', 1, 2, '019cf45f-1d00-76db-9033-a0e92d2df803', 'agency.registered.v1', '{"code": "fx-health", "kind": "department", "name": "样例市卫生健康委员会", "parent": "fx-gov"}', '{"actor": "cli:fixture", "commandId": "sha256:399986863d88e8a645ee8567a9ce8c926ee960f30fb1f50f8e8b911e6a99c104", "correlationId": "import:2"}', '2026-03-16 02:00:00+00', 5950, false);
INSERT INTO es.events VALUES ('fx-health', 'cb73dff7-7710-5286-9e3a-261c85119f67', 1, 3, '019cf45f-1d00-74ee-b7f1-71775d2b1695', 'request.received.v1', '{"channel": "in-person", "subject": "2024年医疗机构执业许可名单", "applicant": {"name": "张三", "type": "natural-person", "phone": "13800000001", "idNumber": "370102199001011234"}, "reference": "2025-001", "receivedOn": "2025-02-10"}', '{"actor": "cli:fixture", "commandId": "sha256:5f3d62aa996bfeacef1311f980fa7af6158d13e93cd8e65bad6e01da9f0c7c59", "correlationId": "import:3"}', '2026-03-16 02:00:00+00', 5951, false);
INSERT INTO es.events VALUES ('fx-health', 'cb73dff7-7710-5286-9e3a-261c85119f67', 2, 4, '019cf45f-1d00-7fe9-94e9-dc2d529fe96b', 'request.answered.v1', '{"on": "2025-03-05", "items": [{"outcome": "disclosed"}], "answerType": "provided"}', '{"actor": "cli:fixture", "commandId": "sha256:e74d636fb019228ed01a54750ceca1982a50adaf718770e5f778ace04d38d53e", "correlationId": "import:4"}', '2026-03-16 02:00:00+00', 5952, false);
INSERT INTO es.events VALUES ('fx-health', '5065eb3a-ab64-5962-b822-35e8abcf782d', 1, 5, '019cf45f-1d00-7791-bdd8-5fca435ce869', 'request.received.v1', '{"channel": "online", "subject": "传染病防控经费使用情况", "applicant": {"name": "样例商贸有限公司", "type": "commercial-enterprise", "agent": {"name": "李四", "type": "employee"}, "phone": "0635-1234567"}, "reference": "2025-002", "receivedOn": "2025-03-20", "confirmedOn": "2025-03-20"}', '{"actor": "cli:fixture", "commandId": "sha256:153dba321bf672a67dab9128eec53b048ba529100883f60dc553156b25c07022", "correlationId": "import:5"}', '2026-03-16 02:00:00+00', 5953, false);
INSERT INTO es.events VALUES ('fx-health', '5065eb3a-ab64-5962-b822-35e8abcf782d', 2, 6, '019cf45f-1d00-7bb6-94c0-6e37e3613f8e', 'request.clarification-requested.v1', '{"on": "2025-03-25", "items": ["请明确所需信息的年度", "请补充联系地址"], "replyBy": "2025-04-08"}', '{"actor": "cli:fixture", "commandId": "sha256:bca66e5064a4827a81b09baa696804145ad1bc5ec94852692519fc352a5c2f36", "correlationId": "import:6"}', '2026-03-16 02:00:00+00', 5954, false);
INSERT INTO es.events VALUES ('fx-health', '5065eb3a-ab64-5962-b822-35e8abcf782d', 3, 7, '019cf45f-1d00-7930-9678-bc442f53542b', 'request.corrected-request-received.v1', '{"on": "2025-04-01"}', '{"actor": "cli:fixture", "commandId": "sha256:637aa3d0bad260c5d5eec56ce7de75947df1deeade42c7c0c017151275d508f0", "correlationId": "import:7"}', '2026-03-16 02:00:00+00', 5955, false);
INSERT INTO es.events VALUES ('fx-health', '5065eb3a-ab64-5962-b822-35e8abcf782d', 4, 8, '019cf45f-1d00-7fdd-a9b8-5c3f867130ed', 'request.answered.v1', '{"on": "2025-04-18", "items": [{"outcome": "disclosed", "subject": "2024年经费总额"}, {"outcome": "refused-internal-affairs", "subject": "经费明细"}], "answerType": "provided"}', '{"actor": "cli:fixture", "commandId": "sha256:f696ec495845b65cf026190bb21193de6e1cd870444e5d569b366c14ab0f9d64", "correlationId": "import:8"}', '2026-03-16 02:00:00+00', 5956, false);
INSERT INTO es.events VALUES ('fx-health', 'e190cada-d18f-5bac-a59d-a6f32b1f7017', 1, 9, '019cf45f-1d00-7999-ae54-87b7fb1d09d0', 'request.received.v1', '{"channel": "registered-mail", "subject": "医保报销政策执行数据", "applicant": {"name": "样例大学公共卫生学院", "type": "research-institution", "address": "样例市大学路1号"}, "arrivedOn": "2025-05-06", "reference": "2025-003", "receivedOn": "2025-05-06"}', '{"actor": "cli:fixture", "commandId": "sha256:bcd712352423c65351fa20769d372c354d9a7a3e6ddc84318e18fa2b71c1ab3b", "correlationId": "import:9"}', '2026-03-16 02:00:00+00', 5957, false);
INSERT INTO es.events VALUES ('fx-health', 'e190cada-d18f-5bac-a59d-a6f32b1f7017', 2, 10, '019cf45f-1d00-7d91-82e5-a28e56624ca3', 'request.extension-approved.v1', '{"on": "2025-05-30", "reason": "需要汇总多个科室的数据", "approvedBy": "王主任", "workingDays": 15}', '{"actor": "cli:fixture", "commandId": "sha256:a33ab92dc5a3788cef5c816b94bff0c759b9e546d49cce54a88283473ba9fc63", "correlationId": "import:10"}', '2026-03-16 02:00:00+00', 5958, false);
INSERT INTO es.events VALUES ('fx-health', 'e190cada-d18f-5bac-a59d-a6f32b1f7017', 3, 11, '019cf45f-1d00-7d77-bc83-c47375cd53e5', 'request.answered.v1', '{"on": "2025-06-20", "items": [{"outcome": "refused-third-party-rights"}], "answerType": "not-disclosed"}', '{"actor": "cli:fixture", "commandId": "sha256:26925b7f4090fb40c31077737bde905f1addf9c31949c22be58bf4a6305a8309", "correlationId": "import:11"}', '2026-03-16 02:00:00+00', 5959, false);
INSERT INTO es.events VALUES ('fx-health', 'f85192f5-86ac-5db5-9cbe-0005f2a7775f', 1, 12, '019cf45f-1d00-731b-9b83-180f718c1f8a', 'request.received.v1', '{"channel": "in-person", "subject": "卫生监督处罚决定书", "applicant": {"name": "王五", "type": "natural-person", "phone": "13800000002", "idNumber": "370102198502023456"}, "reference": "2025-004", "receivedOn": "2025-06-10"}', '{"actor": "cli:fixture", "commandId": "sha256:ddc7e0e98251e31a7b13cd670f895ac6fed2bc8b59488b439e2d73d2be1e2f1d", "correlationId": "import:12"}', '2026-03-16 02:00:00+00', 5960, false);
INSERT INTO es.events VALUES ('fx-health', 'f85192f5-86ac-5db5-9cbe-0005f2a7775f', 2, 13, '019cf45f-1d00-7b66-a932-7c4c193fbbee', 'request.consultation-started.v1', '{"on": "2025-06-12", "name": "样例诊所", "party": "third-party"}', '{"actor": "cli:fixture", "commandId": "sha256:6724bb924addbb2c2d17f6a25d99979b654530dbfb8190de749221d84763b00c", "correlationId": "import:13"}', '2026-03-16 02:00:00+00', 5961, false);
INSERT INTO es.events VALUES ('fx-health', 'f85192f5-86ac-5db5-9cbe-0005f2a7775f', 3, 14, '019cf45f-1d00-795a-bff3-ab385c430a95', 'request.consultation-ended.v1', '{"on": "2025-06-30", "party": "third-party", "result": "consented"}', '{"actor": "cli:fixture", "commandId": "sha256:573154e248bb7327a3e31810dd8ecfa2761c8a7a3d67a7bd1f0866c8c4513257", "correlationId": "import:14"}', '2026-03-16 02:00:00+00', 5962, false);
INSERT INTO es.events VALUES ('fx-health', 'f85192f5-86ac-5db5-9cbe-0005f2a7775f', 4, 15, '019cf45f-1d00-7c7f-ba11-a36bdecda007', 'request.answered.v1', '{"on": "2025-07-15", "items": [{"outcome": "disclosed"}], "answerType": "provided"}', '{"actor": "cli:fixture", "commandId": "sha256:72f8253d33ac9bfdb7db7226be68375f4a1d3237a99d50de5f00789fe6097657", "correlationId": "import:15"}', '2026-03-16 02:00:00+00', 5963, false);
INSERT INTO es.events VALUES ('fx-health', 'b0af57cc-4fac-5970-a53c-ca2b9b12fa62', 1, 16, '019cf45f-1d00-7423-8f7d-49366427cdce', 'request.received.v1', '{"channel": "in-person", "subject": "历年医疗机构校验档案（大量复印）", "applicant": {"name": "赵六", "type": "natural-person", "phone": "13800000003", "idNumber": "370102197703034567"}, "reference": "2025-005", "receivedOn": "2025-07-01"}', '{"actor": "cli:fixture", "commandId": "sha256:52c0424f5ff6cae8f714b749082011e97ea907cf6e44cf085b7af93dbd6819ac", "correlationId": "import:16"}', '2026-03-16 02:00:00+00', 5964, false);
INSERT INTO es.events VALUES ('fx-health', 'b0af57cc-4fac-5970-a53c-ca2b9b12fa62', 2, 17, '019cf45f-1d00-7f64-a4ab-881b0dbd3595', 'request.fee-notice-issued.v1', '{"on": "2025-07-10", "method": "stated", "amountYuan": 100}', '{"actor": "cli:fixture", "commandId": "sha256:f06037426595cbd3d12973290a30a21a95ea720bec58136f44461efc308448ce", "correlationId": "import:17"}', '2026-03-16 02:00:00+00', 5965, false);
INSERT INTO es.events VALUES ('fx-health', 'b0af57cc-4fac-5970-a53c-ca2b9b12fa62', 3, 18, '019cf45f-1d00-7ec4-b8e4-afa4765eb67a', 'request.fee-paid.v1', '{"on": "2025-07-20"}', '{"actor": "cli:fixture", "commandId": "sha256:bede027594bc065a460c02eba16cc53cf091700ceed09589fedcebec2563bddc", "correlationId": "import:18"}', '2026-03-16 02:00:00+00', 5966, false);
INSERT INTO es.events VALUES ('fx-health', 'b0af57cc-4fac-5970-a53c-ca2b9b12fa62', 4, 19, '019cf45f-1d00-77de-83e0-118e8cb5ef62', 'request.answered.v1', '{"on": "2025-08-05", "items": [{"outcome": "disclosed"}], "answerType": "provided"}', '{"actor": "cli:fixture", "commandId": "sha256:4800cbabe17aefb911d50ffb94ae62d0daa6e1810b82594bdf0888221166d3db", "correlationId": "import:19"}', '2026-03-16 02:00:00+00', 5967, false);
INSERT INTO es.events VALUES ('fx-health', '2b96e33e-fd83-530a-94a6-8e7d56ccae0e', 1, 20, '019cf45f-1d00-74c5-858a-fbf8d5d3bcae', 'request.received.v1', '{"channel": "fax", "subject": "疫苗接种点名单", "applicant": {"name": "钱七", "type": "natural-person", "phone": "13800000004"}, "reference": "2025-006", "receivedOn": "2025-08-01", "confirmedOn": "2025-08-01"}', '{"actor": "cli:fixture", "commandId": "sha256:f112d808d8da16a9488ed48c29b9db883cd8802a4ee9d3a12fa4c9078213ef7c", "correlationId": "import:20"}', '2026-03-16 02:00:00+00', 5968, false);
INSERT INTO es.events VALUES ('fx-health', '2b96e33e-fd83-530a-94a6-8e7d56ccae0e', 2, 21, '019cf45f-1d00-7fe8-ba75-31a4d691c303', 'request.withdrawn.v1', '{"on": "2025-08-10", "reason": "已在网站查到"}', '{"actor": "cli:fixture", "commandId": "sha256:1c1b449ed93b9d5cbb480b7ae4d3a71140c2487f75417176c52710ab2dfa2d0c", "correlationId": "import:21"}', '2026-03-16 02:00:00+00', 5969, false);
INSERT INTO es.events VALUES ('fx-health', '6e67b420-3fe9-5f4a-8304-0930a0c73e47', 1, 22, '019cf45f-1d00-7822-a7ee-3618959359d0', 'request.received.v1', '{"channel": "in-person", "subject": "小区周边医疗废物处置记录", "applicant": {"name": "样例业主委员会", "type": "other-org", "phone": "0635-7654321"}, "reference": "2025-007", "receivedOn": "2025-09-01"}', '{"actor": "cli:fixture", "commandId": "sha256:e37a8c0e6754ea8273f9bbd872b1f432d4bc8a36f275e07f16079e046875e2ca", "correlationId": "import:22"}', '2026-03-16 02:00:00+00', 5970, false);
INSERT INTO es.events VALUES ('fx-health', '6e67b420-3fe9-5f4a-8304-0930a0c73e47', 2, 23, '019cf45f-1d00-722b-8430-e81414ba45f1', 'request.fee-notice-issued.v1', '{"on": "2025-09-05", "method": "stated", "amountYuan": 50}', '{"actor": "cli:fixture", "commandId": "sha256:ed226c97fbe2c351fc04e3c8c7dd53c3123254cd76d4e17a3f9a15ff313dffe3", "correlationId": "import:23"}', '2026-03-16 02:00:00+00', 5971, false);
INSERT INTO es.events VALUES ('fx-health', '6e67b420-3fe9-5f4a-8304-0930a0c73e47', 3, 24, '019cf45f-1d00-79a2-9cdd-e2c0e567a7d7', 'request.fee-lapsed.v1', '{"on": "2025-10-15"}', '{"actor": "cli:fixture", "commandId": "sha256:b615f5b71352d7ffb8f0cf04015dfc6f62fb2bc3910963559b1cec723e39ed8c", "correlationId": "import:24"}', '2026-03-16 02:00:00+00', 5972, false);
INSERT INTO es.events VALUES ('fx-health', '79568456-d159-542f-8bb1-69bb2fb2a141', 1, 25, '019cf45f-1d00-77ef-a137-cc981929bf1d', 'request.received.v1', '{"channel": "in-person", "subject": "2025年第四季度医疗纠纷调解统计", "applicant": {"name": "孙八", "type": "natural-person", "phone": "13800000005", "idNumber": "370102196604045678"}, "reference": "2025-008", "receivedOn": "2025-12-15"}', '{"actor": "cli:fixture", "commandId": "sha256:58e06987f2022b4ca11635f7f6348da1c59adf5756a3a5fb0e0276914b08b693", "correlationId": "import:25"}', '2026-03-16 02:00:00+00', 5973, false);
INSERT INTO es.events VALUES ('fx-health', '2d83bac2-e7ed-5c22-acc3-b5dd9e0afbe6', 1, 26, '019cf45f-1d00-7175-94cc-13d916e17de2', 'request.received.v1', '{"channel": "in-person", "subject": "基层医疗卫生机构财政补助", "applicant": {"name": "样例公益基金会", "type": "public-interest-org", "phone": "0635-1111111"}, "reference": "2025-009", "receivedOn": "2025-12-22"}', '{"actor": "cli:fixture", "commandId": "sha256:aa5f7b946dc9a0efaa1534febc94d392ec1c16dd403e34c293395396ca6396a9", "correlationId": "import:26"}', '2026-03-16 02:00:00+00', 5974, false);
INSERT INTO es.events VALUES ('fx-health', '9f858558-a3c6-5360-a2df-e1438a65f3d7', 1, 27, '019cf45f-1d00-7f79-bc5a-13c2d5249647', 'request.received.v1', '{"channel": "in-person", "subject": "某医院改扩建项目审批材料", "applicant": {"name": "周九", "type": "natural-person", "phone": "13800000006", "idNumber": "370102195505056789"}, "reference": "2025-010", "receivedOn": "2025-04-01"}', '{"actor": "cli:fixture", "commandId": "sha256:838981fbc6a3f5a4518c65bee549ba13c71ca1675719280c2656b4b1da9cffae", "correlationId": "import:27"}', '2026-03-16 02:00:00+00', 5975, false);
INSERT INTO es.events VALUES ('fx-health', '9f858558-a3c6-5360-a2df-e1438a65f3d7', 2, 28, '019cf45f-1d00-70ac-ba26-39a2498848f5', 'request.answered.v1', '{"on": "2025-04-25", "items": [{"outcome": "refused-process-information"}], "answerType": "not-disclosed"}', '{"actor": "cli:fixture", "commandId": "sha256:72e010146621474fe87d998204f0101cfbff8b7292481141f09f7040e8567d1c", "correlationId": "import:28"}', '2026-03-16 02:00:00+00', 5976, false);
INSERT INTO es.events VALUES ('fx-health', '966af7eb-19c3-5137-aaaa-4c1d538265b0', 1, 29, '019cf45f-1d00-7e07-af42-b46ec4dcfe81', 'review.filed.v1', '{"filedOn": "2025-05-20", "reviewBody": "样例市人民政府", "caseReference": "样复〔2025〕1号", "requestReference": "2025-010"}', '{"actor": "cli:fixture", "commandId": "sha256:d671b11843081bcc775070c0f7e068a290c84d2a8334053a3b366630f59c6976", "correlationId": "import:29"}', '2026-03-16 02:00:00+00', 5977, false);
INSERT INTO es.events VALUES ('fx-health', '9f858558-a3c6-5360-a2df-e1438a65f3d7', 3, 30, '019cf45f-1d00-7b84-bfac-d88b1f10f9a8', 'request.challenged.v1', '{"group": "review", "filedOn": "2025-05-20", "caseReference": "样复〔2025〕1号"}', '{"actor": "cli:fixture", "commandId": "sha256:d671b11843081bcc775070c0f7e068a290c84d2a8334053a3b366630f59c6976", "correlationId": "import:29"}', '2026-03-16 02:00:00+00', 5977, false);
INSERT INTO es.events VALUES ('fx-health', '966af7eb-19c3-5137-aaaa-4c1d538265b0', 2, 31, '019cf45f-1d00-7a63-beb3-96ee4fa7cdcf', 'review.correction-requested.v1', '{"on": "2025-05-22", "replyBy": "2025-06-05"}', '{"actor": "cli:fixture", "commandId": "sha256:28f6cd697540a2f9f136d013841d4be42eaa7a9dd48eff1cca625f82f8851386", "correlationId": "import:30"}', '2026-03-16 02:00:00+00', 5978, false);
INSERT INTO es.events VALUES ('fx-health', '966af7eb-19c3-5137-aaaa-4c1d538265b0', 3, 32, '019cf45f-1d00-7192-b80c-2bbe156f5649', 'review.correction-received.v1', '{"on": "2025-05-28"}', '{"actor": "cli:fixture", "commandId": "sha256:dcf12ebf4ef554b38d89f69755d452d963db9acb3ac7dca28d4b125966b8cfcb", "correlationId": "import:31"}', '2026-03-16 02:00:00+00', 5979, false);
INSERT INTO es.events VALUES ('fx-health', '966af7eb-19c3-5137-aaaa-4c1d538265b0', 4, 33, '019cf45f-1d00-7ec0-afb2-6143c45c037d', 'review.accepted.v1', '{"on": "2025-06-02", "simplified": false}', '{"actor": "cli:fixture", "commandId": "sha256:6f438f26c6d1f81917121490640c7b6efe3638e39615095394cf6799e236a560", "correlationId": "import:32"}', '2026-03-16 02:00:00+00', 5980, false);
INSERT INTO es.events VALUES ('fx-health', '966af7eb-19c3-5137-aaaa-4c1d538265b0', 5, 34, '019cf45f-1d00-75bc-a886-56fac5e2d36e', 'review.decided.v1', '{"on": "2025-07-10", "decision": "revoked-with-redo", "ordersNewAnswer": true, "answerWorkingDays": 15}', '{"actor": "cli:fixture", "commandId": "sha256:1e85355a4010e87b68716d4a449d1b733a398c601dbacde1aff320cc7a1baba9", "correlationId": "import:33"}', '2026-03-16 02:00:00+00', 5981, false);
INSERT INTO es.events VALUES ('fx-health', '9f858558-a3c6-5360-a2df-e1438a65f3d7', 4, 35, '019cf45f-1d00-723a-bbed-90ef87a50631', 'request.reopened.v1', '{"on": "2025-07-10", "workingDays": 15, "caseReference": "样复〔2025〕1号"}', '{"actor": "cli:fixture", "commandId": "sha256:1e85355a4010e87b68716d4a449d1b733a398c601dbacde1aff320cc7a1baba9", "correlationId": "import:33"}', '2026-03-16 02:00:00+00', 5981, false);
INSERT INTO es.events VALUES ('fx-health', '9f858558-a3c6-5360-a2df-e1438a65f3d7', 5, 36, '019cf45f-1d00-776c-a5bc-1084ff53343a', 'request.answered.v1', '{"on": "2025-07-25", "items": [{"outcome": "disclosed"}], "answerType": "provided"}', '{"actor": "cli:fixture", "commandId": "sha256:4468954aba91fe00d390e27ac0dfaf94e012fa29efaf7ecc6716c5b74df6da2c", "correlationId": "import:34"}', '2026-03-16 02:00:00+00', 5982, false);
INSERT INTO es.events VALUES ('fx-health', '9f858558-a3c6-5360-a2df-e1438a65f3d7', 6, 37, '019cf45f-1d00-794c-abee-fa1477fd8676', 'request.answer-delivered.v1', '{"on": "2025-07-28", "method": "邮寄"}', '{"actor": "cli:fixture", "commandId": "sha256:5d0604ada79041907abf53373c6ee425026ca83cb52b70520564a564e931af34", "correlationId": "import:35"}', '2026-03-16 02:00:00+00', 5983, false);
INSERT INTO es.events VALUES ('fx-health', 'a97f094c-1cfc-5566-a220-698e3dae7e1c', 1, 38, '019cf45f-1d00-779c-9b47-5ed3e2d7e143', 'lawsuit.filed.v1', '{"role": "original-actor", "court": "样例区人民法院", "filedOn": "2025-07-01", "afterReview": false, "caseReference": "（2025）样行初1号", "requestReference": "2025-003"}', '{"actor": "cli:fixture", "commandId": "sha256:ace2e55b60db6150c5e502c60ff3fc6f7040eaeef4243c7e8ba2bd3665b0150c", "correlationId": "import:36"}', '2026-03-16 02:00:00+00', 5984, false);
INSERT INTO es.events VALUES ('fx-health', 'e190cada-d18f-5bac-a59d-a6f32b1f7017', 4, 39, '019cf45f-1d00-7ce7-a381-151d84f40ce9', 'request.challenged.v1', '{"group": "lawsuit-direct", "filedOn": "2025-07-01", "caseReference": "（2025）样行初1号"}', '{"actor": "cli:fixture", "commandId": "sha256:ace2e55b60db6150c5e502c60ff3fc6f7040eaeef4243c7e8ba2bd3665b0150c", "correlationId": "import:36"}', '2026-03-16 02:00:00+00', 5984, false);
INSERT INTO es.events VALUES ('fx-health', 'a97f094c-1cfc-5566-a220-698e3dae7e1c', 2, 40, '019cf45f-1d00-7db1-861a-bf1756d3fda4', 'lawsuit.registered.v1', '{"on": "2025-07-08", "simplified": false}', '{"actor": "cli:fixture", "commandId": "sha256:240e23d88018290e83ca6e6437459613eb9e9ede90906d9a155e4087bd520966", "correlationId": "import:37"}', '2026-03-16 02:00:00+00', 5985, false);
INSERT INTO es.events VALUES ('fx-health', 'a97f094c-1cfc-5566-a220-698e3dae7e1c', 3, 41, '019cf45f-1d00-7f12-b3e9-35789102444f', 'lawsuit.judged.v1', '{"on": "2025-11-20", "inForce": false, "instance": 1, "isRuling": false, "judgment": "claim-dismissed", "ordersNewAnswer": false}', '{"actor": "cli:fixture", "commandId": "sha256:d612c0dd29b0ae232f019836520f268963991c2e20f48c758e5aa30af71616ba", "correlationId": "import:38"}', '2026-03-16 02:00:00+00', 5986, false);
INSERT INTO es.events VALUES ('fx-health', 'a97f094c-1cfc-5566-a220-698e3dae7e1c', 4, 42, '019cf45f-1d00-7c44-9a1e-f48ca6d6ee43', 'lawsuit.appealed.v1', '{"on": "2025-12-01", "byAgency": false}', '{"actor": "cli:fixture", "commandId": "sha256:c7403d84d56ea6973fccbd19338e41ebeb6662d1360634b14af70eccf387e0fe", "correlationId": "import:39"}', '2026-03-16 02:00:00+00', 5987, false);
INSERT INTO es.events VALUES ('fx-health', 'a97f094c-1cfc-5566-a220-698e3dae7e1c', 5, 43, '019cf45f-1d00-747b-af06-afcfccf481de', 'lawsuit.judged.v1', '{"on": "2026-02-20", "appeal": "upheld", "inForce": true, "instance": 2, "isRuling": false, "ordersNewAnswer": false}', '{"actor": "cli:fixture", "commandId": "sha256:8056630ed7595fdd11c3a499200c91a46ee7407688cfba012039857781e0eac8", "correlationId": "import:40"}', '2026-03-16 02:00:00+00', 5988, false);
INSERT INTO es.events VALUES ('fx-health', '099a220a-cc18-549e-b139-5145c37cb123', 1, 44, '019cf45f-1d00-7b48-a5e9-c42e559552ed', 'disclosure-stats.recorded.v1', '{"on": "2026-03-16", "year": 2025, "figures": {"coercion": 2, "licensing": 1520, "penalties": 86, "feesWanYuan": 0, "regulations": {"issued": 0, "inForce": 0, "repealed": 0}, "normativeDocuments": {"issued": 3, "inForce": 12, "repealed": 1}}, "coercion": 2, "licensing": 1520, "penalties": 86, "feesWanYuan": 0, "regulations": {"issued": 0, "inForce": 0, "repealed": 0}, "normativeDocuments": {"issued": 3, "inForce": 12, "repealed": 1}}', '{"actor": "cli:fixture", "commandId": "sha256:51f26016e99187def3616d5901bc25ccdf9b59f30083ae76767941b49f9a599c", "correlationId": "import:41"}', '2026-03-16 02:00:00+00', 5989, false);
INSERT INTO es.events VALUES ('fx-health', '79568456-d159-542f-8bb1-69bb2fb2a141', 2, 45, '019cf45f-1d00-7816-81c5-6f402f967b55', 'request.carried-over.v1', '{"year": 2025}', '{"actor": "cli:fixture", "commandId": "sha256:c9a025ecd78330f464552c18a1d117cfa810daa59c7cb12ea1b55a50b4e810c6/carry/2025-008", "correlationId": "import:42"}', '2026-03-16 02:00:00+00', 5990, false);
INSERT INTO es.events VALUES ('fx-health', '2d83bac2-e7ed-5c22-acc3-b5dd9e0afbe6', 2, 46, '019cf45f-1d00-7caa-84ea-99d17c66a844', 'request.carried-over.v1', '{"year": 2025}', '{"actor": "cli:fixture", "commandId": "sha256:c9a025ecd78330f464552c18a1d117cfa810daa59c7cb12ea1b55a50b4e810c6/carry/2025-009", "correlationId": "import:42"}', '2026-03-16 02:00:00+00', 5991, false);
INSERT INTO es.events VALUES ('fx-health', 'ffa3a75f-f5e6-5e26-862f-75ceb43c1d30', 1, 47, '019cf45f-1d00-7256-9f68-e831a5940481', 'annual-report.closed.v1', '{"on": "2026-03-16", "hash": "b3873e7c9a1f0ea24d69dfb0e0003b4f0c9e9171e91fd0e8c79881ba01a53c05", "year": 2025, "tables": {"table2": {"coercion": 2, "licensing": 1520, "penalties": 86, "feesWanYuan": 0, "regulations": {"issued": 0, "inForce": 0, "repealed": 0}, "normativeDocuments": {"issued": 3, "inForce": 12, "repealed": 1}}, "table3": {"other": {"total": 1, "other-org": 0, "natural-person": 1, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "received": {"total": 10, "other-org": 1, "natural-person": 6, "legal-service-org": 0, "public-interest-org": 1, "research-institution": 1, "commercial-enterprise": 1}, "disclosed": {"total": 3, "other-org": 0, "natural-person": 3, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "carried-in": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "carried-out": {"total": 2, "other-org": 0, "natural-person": 1, "legal-service-org": 0, "public-interest-org": 1, "research-institution": 0, "commercial-enterprise": 0}, "total-handled": {"total": 8, "other-org": 1, "natural-person": 5, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 1, "commercial-enterprise": 1}, "unable-not-held": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "other-fee-lapsed": {"total": 1, "other-org": 1, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "partially-disclosed": {"total": 1, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 1}, "not-processed-repeat": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-state-secret": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "unable-needs-creation": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "not-processed-complaint": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "not-processed-excessive": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-internal-affairs": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "not-processed-publication": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-prohibited-by-law": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "not-processed-confirmation": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "other-clarification-lapsed": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-security-stability": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-third-party-rights": {"total": 1, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 1, "commercial-enterprise": 0}, "refused-process-information": {"total": 1, "other-org": 0, "natural-person": 1, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-administrative-query": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-enforcement-case-file": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "unable-unclear-after-clarification": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}}, "table4": {"review": {"other": 0, "total": 1, "pending": 0, "corrected": 1, "maintained": 0}, "lawsuit-direct": {"other": 0, "total": 1, "pending": 1, "corrected": 0, "maintained": 0}, "lawsuit-after-review": {"other": 0, "total": 0, "pending": 0, "corrected": 0, "maintained": 0}}}, "version": 1, "carriedOver": 2}', '{"actor": "cli:fixture", "commandId": "sha256:c9a025ecd78330f464552c18a1d117cfa810daa59c7cb12ea1b55a50b4e810c6", "correlationId": "import:42"}', '2026-03-16 02:00:00+00', 5992, false);
INSERT INTO es.events VALUES ('fx-health', '099a220a-cc18-549e-b139-5145c37cb123', 2, 48, '019cf45f-1d00-7ce3-98c9-10d264b54fbc', 'disclosure-stats.recorded.v1', '{"on": "2026-03-16", "year": 2025, "figures": {"coercion": 2, "licensing": 1522, "penalties": 86, "feesWanYuan": 0.0125, "regulations": {"issued": 0, "inForce": 0, "repealed": 0}, "normativeDocuments": {"issued": 3, "inForce": 12, "repealed": 1}}, "coercion": 2, "licensing": 1522, "penalties": 86, "feesWanYuan": 0.0125, "regulations": {"issued": 0, "inForce": 0, "repealed": 0}, "normativeDocuments": {"issued": 3, "inForce": 12, "repealed": 1}}', '{"actor": "cli:fixture", "commandId": "sha256:c57869728cd32daa566b8331d98bfb2146b098e3a28e788c5d56885257acb0ad", "correlationId": "import:43"}', '2026-03-16 02:00:00+00', 5993, false);
INSERT INTO es.events VALUES ('fx-health', '79568456-d159-542f-8bb1-69bb2fb2a141', 3, 49, '019cf45f-1d00-7f54-89c3-0e328305554d', 'request.answered.v1', '{"on": "2026-01-10", "items": [{"outcome": "unable-not-held"}], "answerType": "does-not-exist"}', '{"actor": "cli:fixture", "commandId": "sha256:e124791f0ede06ca30ba9b1b163259e2f964884df8bf9fcc9caa90d020679571", "correlationId": "import:44"}', '2026-03-16 02:00:00+00', 5994, false);
INSERT INTO es.events VALUES ('fx-health', '8f338e25-ac8d-58b8-bfe0-bf2f384c6d90', 1, 50, '019cf45f-1d00-7fad-9f6f-801137553f45', 'request.received.v1', '{"channel": "in-person", "subject": "2025年度法定传染病疫情", "applicant": {"name": "吴十", "type": "natural-person", "phone": "13800000007", "idNumber": "370102199906067890"}, "reference": "2026-001", "receivedOn": "2026-01-05"}', '{"actor": "cli:fixture", "commandId": "sha256:5d8256a798971142200d8a037c295e3e29ef672ea6897d8896537e4a37c2b5d5", "correlationId": "import:45"}', '2026-03-16 02:00:00+00', 5995, false);
INSERT INTO es.events VALUES ('fx-health', '8f338e25-ac8d-58b8-bfe0-bf2f384c6d90', 2, 51, '019cf45f-1d00-7401-bc75-f0afd2e88d09', 'request.answered.v1', '{"on": "2026-02-01", "items": [{"outcome": "disclosed"}], "answerType": "provided"}', '{"actor": "cli:fixture", "commandId": "sha256:a09a145d0ab912bfdd9022ed6530a92c401f486b06fbfe4bcda67f308c382e74", "correlationId": "import:46"}', '2026-03-16 02:00:00+00', 5996, false);
INSERT INTO es.events VALUES ('fx-health', '8f338e25-ac8d-58b8-bfe0-bf2f384c6d90', 3, 52, '019cf45f-1d00-76ff-876a-5b46dab405b5', 'request.answer-delivered.v1', '{"on": "2026-02-03", "method": "当面领取"}', '{"actor": "cli:fixture", "commandId": "sha256:7302e292d16cc24284705e26b3c23fa763cc05619beb2965c7e80fc6eaa948a3", "correlationId": "import:47"}', '2026-03-16 02:00:00+00', 5997, false);
INSERT INTO es.events VALUES ('fx-health', 'f7c907b6-8e4b-5367-8609-21398522c2d8', 1, 55, '019cf45f-1d00-79af-b462-abdd1f29932b', 'request.received.v1', '{"channel": "in-person", "subject": "近十年全部行政许可卷宗", "applicant": {"name": "冯十二", "type": "natural-person", "phone": "13800000008", "idNumber": "370102198807078901"}, "reference": "2026-004", "receivedOn": "2026-03-09"}', '{"actor": "cli:fixture", "commandId": "sha256:ec3315d27b37ed3a9a94d129e039818ce54cd8671af1efea0510a14238617d54", "correlationId": "import:50"}', '2026-03-16 02:00:00+00', 6000, false);
INSERT INTO es.events VALUES ('fx-health', 'f7c907b6-8e4b-5367-8609-21398522c2d8', 4, 58, '019cf45f-1d00-7a0e-a807-3e73e4c551b7', 'request.delayed-answer-date-set.v1', '{"on": "2026-03-12", "dueOn": "2026-05-29", "reason": "申请数量较大，需分批提供"}', '{"actor": "cli:fixture", "commandId": "sha256:e7840e34d4f7827a662528f6b336b047d34561f4f14429e61c74ebf04bb1ec5d", "correlationId": "import:53"}', '2026-03-16 02:00:00+00', 6003, false);
INSERT INTO es.events VALUES ('fx-gov', '63e0f7ec-40d3-59be-895c-f2323a9cd1ca', 2, 60, '019cf45f-1d00-7377-9080-7430c94fb196', 'request.answered.v1', '{"on": "2026-02-05", "items": [{"outcome": "not-processed-repeat"}], "answerType": "repeat-request"}', '{"actor": "cli:fixture", "commandId": "sha256:2a56760cc45c570a0dbff0117554809bcd3d966c942b6028822e670d9d6dec85", "correlationId": "import:55"}', '2026-03-16 02:00:00+00', 6005, false);
INSERT INTO es.events VALUES ('fx-health', 'daf289d9-5a68-592c-904a-4f51ed7c5c1c', 2, 62, '019cf45f-1d00-79f0-bb1f-1f051c0bfab5', 'request.letter-issued.v1', '{"on": "2026-03-10", "hash": "fc84e9f03ac06a61d3fa16abcb65cf122a707fe29944019f65509cb7ff5a276a", "kind": "receipt", "method": "邮寄", "deliveredOn": "2026-03-12", "templateVersion": 1}', '{"actor": "wu.fang"}', '2026-03-16 02:00:00+00', 6013, false);
INSERT INTO es.events VALUES ('fx-health', '616c6a7d-dc01-5277-997b-27d1f9d27db8', 1, 53, '019cf45f-1d00-71cb-b793-01d5ed798644', 'request.received.v1', '{"channel": "online", "subject": "医疗事故技术鉴定程序规定", "applicant": {"name": "样例律师事务所", "type": "legal-service-org", "phone": "0635-2222222"}, "reference": "2026-002", "receivedOn": "2026-02-20", "confirmedOn": "2026-02-20"}', '{"actor": "cli:fixture", "commandId": "sha256:59401c5686de5f08c71ab3922091109e9e98e298fb723016ee0bdf31b635a7a2", "correlationId": "import:48"}', '2026-03-16 02:00:00+00', 5998, false);
INSERT INTO es.events VALUES ('fx-health', 'f7c907b6-8e4b-5367-8609-21398522c2d8', 3, 57, '019cf45f-1d00-76b0-9c2e-03fd790ddb2c', 'request.volume-reasons-requested.v1', '{"on": "2026-03-10"}', '{"actor": "cli:fixture", "commandId": "sha256:8d3768041f2a2f75a48223b9a7391ecfa9e20e9e14793a0925846e1d2420e31f", "correlationId": "import:52"}', '2026-03-16 02:00:00+00', 6002, false);
INSERT INTO es.events VALUES ('fx-gov', '63e0f7ec-40d3-59be-895c-f2323a9cd1ca', 1, 59, '019cf45f-1d00-7826-a7fa-427a4f1ddeb7', 'request.received.v1', '{"channel": "in-person", "subject": "2025年政府工作报告附件", "applicant": {"name": "样例环保协会", "type": "public-interest-org", "phone": "0635-3333333"}, "reference": "2026-001", "receivedOn": "2026-01-12"}', '{"actor": "cli:fixture", "commandId": "sha256:ad685be9dbc37979ae1280f18d58292d835c31cca95d1ded80f186f7cdc71cbe", "correlationId": "import:54"}', '2026-03-16 02:00:00+00', 6004, false);
INSERT INTO es.events VALUES ('fx-health', 'daf289d9-5a68-592c-904a-4f51ed7c5c1c', 1, 54, '019cf45f-1d00-7a04-88ad-a9a34b3512fd', 'request.received.v1', '{"channel": "ordinary-mail", "subject": "医疗机构不良事件通报", "applicant": {"name": "郑十一", "type": "natural-person", "address": "样例市东路2号"}, "arrivedOn": "2026-03-02", "reference": "2026-003", "receivedOn": "2026-03-03", "confirmedOn": "2026-03-03"}', '{"actor": "cli:fixture", "commandId": "sha256:31398de48969889655e0f7a13735334c312f7e232d5008899326bb9f8a132f29", "correlationId": "import:49"}', '2026-03-16 02:00:00+00', 5999, false);
INSERT INTO es.events VALUES ('fx-health', 'f7c907b6-8e4b-5367-8609-21398522c2d8', 2, 56, '019cf45f-1d00-7457-a0c3-320eb6c5d293', 'request.officer-assigned.v1', '{"on": "2026-03-09", "officer": "wu.fang"}', '{"actor": "cli:fixture", "commandId": "sha256:de82b9aec6661a43469f7d9198c3e32d6d050bbba0139e7af58d16d5ab983626", "correlationId": "import:51"}', '2026-03-16 02:00:00+00', 6001, false);
INSERT INTO es.events VALUES ('fx-health', 'ffa3a75f-f5e6-5e26-862f-75ceb43c1d30', 2, 61, '019cf45f-1d00-7e32-995e-ad09454ffaeb', 'annual-report.restated.v1', '{"on": "2026-03-16", "hash": "fe53b9ecbb1dd978de18f2d59c04bc149972b81b24d672706b5b71f38a339ee8", "year": 2025, "tables": {"table2": {"coercion": 2, "licensing": 1522, "penalties": 86, "feesWanYuan": 0.0125, "regulations": {"issued": 0, "inForce": 0, "repealed": 0}, "normativeDocuments": {"issued": 3, "inForce": 12, "repealed": 1}}, "table3": {"other": {"total": 1, "other-org": 0, "natural-person": 1, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "received": {"total": 10, "other-org": 1, "natural-person": 6, "legal-service-org": 0, "public-interest-org": 1, "research-institution": 1, "commercial-enterprise": 1}, "disclosed": {"total": 3, "other-org": 0, "natural-person": 3, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "carried-in": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "carried-out": {"total": 2, "other-org": 0, "natural-person": 1, "legal-service-org": 0, "public-interest-org": 1, "research-institution": 0, "commercial-enterprise": 0}, "total-handled": {"total": 8, "other-org": 1, "natural-person": 5, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 1, "commercial-enterprise": 1}, "unable-not-held": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "other-fee-lapsed": {"total": 1, "other-org": 1, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "partially-disclosed": {"total": 1, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 1}, "not-processed-repeat": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-state-secret": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "unable-needs-creation": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "not-processed-complaint": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "not-processed-excessive": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-internal-affairs": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "not-processed-publication": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-prohibited-by-law": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "not-processed-confirmation": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "other-clarification-lapsed": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-security-stability": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-third-party-rights": {"total": 1, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 1, "commercial-enterprise": 0}, "refused-process-information": {"total": 1, "other-org": 0, "natural-person": 1, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-administrative-query": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-enforcement-case-file": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "unable-unclear-after-clarification": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}}, "table4": {"review": {"other": 0, "total": 1, "pending": 0, "corrected": 1, "maintained": 0}, "lawsuit-direct": {"other": 0, "total": 1, "pending": 1, "corrected": 0, "maintained": 0}, "lawsuit-after-review": {"other": 0, "total": 0, "pending": 0, "corrected": 0, "maintained": 0}}}, "version": 2, "differences": ["表二 行政许可 本年处理决定数量：1520 → 1522", "表二 行政事业性收费 本年收费金额（万元）：0 → 0.0125"]}', '{"actor": "cli:fixture"}', '2026-03-16 02:00:00+00', 6006, false);
INSERT INTO es.events VALUES ('fx-health', '5065eb3a-ab64-5962-b822-35e8abcf782d', 5, 63, '019cf45f-1d00-72cc-a2d4-a25062471203', 'request.letter-issued.v1', '{"on": "2025-04-20", "hash": "a73f412f5bf145108a29e62bbee6ca16d6adfab8035d9da984e5ea61a493e76e", "kind": "answer", "method": "电子邮件", "deliveredOn": "2025-04-21", "templateVersion": 0}', '{"actor": "wu.fang"}', '2026-03-16 02:00:00+00', 6014, false);
INSERT INTO es.events VALUES ('fx-health', '5065eb3a-ab64-5962-b822-35e8abcf782d', 6, 64, '019cf45f-1d00-7b16-835d-4044bf24bfa2', 'request.answer-delivered.v1', '{"on": "2025-04-21", "method": "电子邮件"}', '{"actor": "wu.fang"}', '2026-03-16 02:00:00+00', 6014, false);


--
-- Data for Name: jobs; Type: TABLE DATA; Schema: es; Owner: -
--

INSERT INTO es.jobs VALUES ('fx-health', '01a23330-4e45-7673-b25b-68d7f0be2b76', 'reminder', '{"due": "2026-04-10", "agency": "fx-health", "offset": 5, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2025-004/answer/2026-04-10/5", "reference": "2025-004"}', '2026-04-02 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2025-004/answer/2026-04-10/5', '2026-12-01 19:58:53.492469+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-4e45-75af-b4c5-bd82db421228', 'reminder', '{"due": "2026-04-10", "agency": "fx-health", "offset": 1, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2025-004/answer/2026-04-10/1", "reference": "2025-004"}', '2026-04-09 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2025-004/answer/2026-04-10/1', '2026-12-01 19:58:53.492469+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-4e45-7e2d-b072-6664e03d852c', 'reminder', '{"due": "2026-04-10", "agency": "fx-health", "offset": 0, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2025-004/answer/2026-04-10/0", "reference": "2025-004"}', '2026-04-10 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2025-004/answer/2026-04-10/0', '2026-12-01 19:58:53.492469+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-4e45-739b-a9b3-ee668a48fc95', 'reminder', '{"due": "2026-04-10", "agency": "fx-health", "offset": -1, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2025-004/answer/2026-04-10/-1", "reference": "2025-004"}', '2026-04-13 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2025-004/answer/2026-04-10/-1', '2026-12-01 19:58:53.492469+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-4e83-7bb2-99e5-b261f081641c', 'reminder', '{"due": "2026-04-02", "agency": "fx-health", "offset": 5, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2025-005/answer/2026-04-02/5", "reference": "2025-005"}', '2026-03-26 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2025-005/answer/2026-04-02/5', '2026-12-01 19:58:53.567285+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-4e83-7014-8557-6958b06b7940', 'reminder', '{"due": "2026-04-02", "agency": "fx-health", "offset": 1, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2025-005/answer/2026-04-02/1", "reference": "2025-005"}', '2026-04-01 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2025-005/answer/2026-04-02/1', '2026-12-01 19:58:53.567285+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-4e83-7e34-bd23-dbe8ea502766', 'reminder', '{"due": "2026-04-02", "agency": "fx-health", "offset": 0, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2025-005/answer/2026-04-02/0", "reference": "2025-005"}', '2026-04-02 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2025-005/answer/2026-04-02/0', '2026-12-01 19:58:53.567285+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-4e83-74fe-9c4d-f0334b57e922', 'reminder', '{"due": "2026-04-02", "agency": "fx-health", "offset": -1, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2025-005/answer/2026-04-02/-1", "reference": "2025-005"}', '2026-04-03 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2025-005/answer/2026-04-02/-1', '2026-12-01 19:58:53.567285+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-4ead-75c9-bdeb-23944ff635c8', 'reminder', '{"due": "2026-04-08", "agency": "fx-health", "offset": 5, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2025-007/answer/2026-04-08/5", "reference": "2025-007"}', '2026-03-31 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2025-007/answer/2026-04-08/5', '2026-12-01 19:58:53.612259+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-4ead-7eb2-a9c6-f7cfa02e431d', 'reminder', '{"due": "2026-04-08", "agency": "fx-health", "offset": 1, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2025-007/answer/2026-04-08/1", "reference": "2025-007"}', '2026-04-07 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2025-007/answer/2026-04-08/1', '2026-12-01 19:58:53.612259+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-4ead-7c90-9b3d-7844bfdf4941', 'reminder', '{"due": "2026-04-08", "agency": "fx-health", "offset": 0, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2025-007/answer/2026-04-08/0", "reference": "2025-007"}', '2026-04-08 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2025-007/answer/2026-04-08/0', '2026-12-01 19:58:53.612259+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-4ead-798a-acd9-eaa082517ace', 'reminder', '{"due": "2026-04-08", "agency": "fx-health", "offset": -1, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2025-007/answer/2026-04-08/-1", "reference": "2025-007"}', '2026-04-09 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2025-007/answer/2026-04-08/-1', '2026-12-01 19:58:53.612259+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-4eb3-7947-bd11-680bd9a1aaa8', 'reminder', '{"due": "2026-04-15", "agency": "fx-health", "offset": -1, "subject": "request", "deadline": "applicant-suit-window", "dedupKey": "reminder:request:fx-health/2025-007/applicant-suit-window/2026-04-15/-1", "reference": "2025-007"}', '2026-04-16 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2025-007/applicant-suit-window/2026-04-15/-1', '2026-12-01 19:58:53.616594+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-505d-7743-adcf-193a50184a87', 'reminder', '{"due": "2026-07-10", "agency": "fx-health", "offset": -1, "subject": "request", "deadline": "applicant-suit-window", "dedupKey": "reminder:request:fx-health/2025-008/applicant-suit-window/2026-07-10/-1", "reference": "2025-008"}', '2026-07-13 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2025-008/applicant-suit-window/2026-07-10/-1', '2026-12-01 19:58:54.042909+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-5065-73c8-bd5c-6f43b5d2267d', 'reminder', '{"due": "2026-04-02", "agency": "fx-health", "offset": -1, "subject": "request", "deadline": "applicant-review-window", "dedupKey": "reminder:request:fx-health/2026-001/applicant-review-window/2026-04-02/-1", "reference": "2026-001"}', '2026-04-03 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2026-001/applicant-review-window/2026-04-02/-1', '2026-12-01 19:58:54.05252+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-5065-70f4-9041-fc9d139a6079', 'reminder', '{"due": "2026-08-03", "agency": "fx-health", "offset": -1, "subject": "request", "deadline": "applicant-suit-window", "dedupKey": "reminder:request:fx-health/2026-001/applicant-suit-window/2026-08-03/-1", "reference": "2026-001"}', '2026-08-04 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2026-001/applicant-suit-window/2026-08-03/-1', '2026-12-01 19:58:54.05252+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-5068-76d9-aabf-8ebdd3a44141', 'reminder', '{"due": "2026-04-07", "agency": "fx-health", "offset": -1, "subject": "request", "deadline": "applicant-review-window", "dedupKey": "reminder:request:fx-health/2026-001/applicant-review-window/2026-04-07/-1", "reference": "2026-001"}', '2026-04-08 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2026-001/applicant-review-window/2026-04-07/-1', '2026-12-01 19:58:54.055376+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-506c-712e-a51c-44fdcd336187', 'reminder', '{"due": "2026-03-20", "agency": "fx-health", "offset": 1, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2026-002/answer/2026-03-20/1", "reference": "2026-002"}', '2026-03-19 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2026-002/answer/2026-03-20/1', '2026-12-01 19:58:54.059997+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-506c-7fd4-a88b-859d785b0492', 'reminder', '{"due": "2026-03-20", "agency": "fx-health", "offset": 0, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2026-002/answer/2026-03-20/0", "reference": "2026-002"}', '2026-03-20 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2026-002/answer/2026-03-20/0', '2026-12-01 19:58:54.059997+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-506c-753b-8aa2-dc91ebe8aa1c', 'reminder', '{"due": "2026-03-20", "agency": "fx-health", "offset": -1, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2026-002/answer/2026-03-20/-1", "reference": "2026-002"}', '2026-03-23 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2026-002/answer/2026-03-20/-1', '2026-12-01 19:58:54.059997+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-506f-75f0-a0e5-8ece556841ae', 'reminder', '{"due": "2026-03-31", "agency": "fx-health", "offset": 5, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2026-003/answer/2026-03-31/5", "reference": "2026-003"}', '2026-03-24 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2026-003/answer/2026-03-31/5', '2026-12-01 19:58:54.062912+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-506f-775e-8214-22c9d2a0cf55', 'reminder', '{"due": "2026-03-31", "agency": "fx-health", "offset": 1, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2026-003/answer/2026-03-31/1", "reference": "2026-003"}', '2026-03-30 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2026-003/answer/2026-03-31/1', '2026-12-01 19:58:54.062912+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-506f-72ba-8bba-3c613e0e6e4d', 'reminder', '{"due": "2026-03-31", "agency": "fx-health", "offset": 0, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2026-003/answer/2026-03-31/0", "reference": "2026-003"}', '2026-03-31 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2026-003/answer/2026-03-31/0', '2026-12-01 19:58:54.062912+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-506f-7792-834c-fcedb85e1c09', 'reminder', '{"due": "2026-03-31", "agency": "fx-health", "offset": -1, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2026-003/answer/2026-03-31/-1", "reference": "2026-003"}', '2026-04-01 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2026-003/answer/2026-03-31/-1', '2026-12-01 19:58:54.062912+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-5074-7a6e-bd6a-ef802b8cfd0f', 'reminder', '{"due": "2026-03-18", "agency": "fx-health", "offset": 0, "subject": "request", "deadline": "clarification-notice", "dedupKey": "reminder:request:fx-health/2026-004/clarification-notice/2026-03-18/0", "reference": "2026-004"}', '2026-03-18 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2026-004/clarification-notice/2026-03-18/0', '2026-12-01 19:58:54.06798+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-5074-7dc8-9c61-e90a80eb0434', 'reminder', '{"due": "2026-04-07", "agency": "fx-health", "offset": 5, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2026-004/answer/2026-04-07/5", "reference": "2026-004"}', '2026-03-30 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2026-004/answer/2026-04-07/5', '2026-12-01 19:58:54.06798+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-5074-7aae-a963-62e77eabe0a6', 'reminder', '{"due": "2026-04-07", "agency": "fx-health", "offset": 1, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2026-004/answer/2026-04-07/1", "reference": "2026-004"}', '2026-04-03 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2026-004/answer/2026-04-07/1', '2026-12-01 19:58:54.06798+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-5075-7d79-81a5-780887f863cf', 'reminder', '{"due": "2026-04-07", "agency": "fx-health", "offset": 0, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2026-004/answer/2026-04-07/0", "reference": "2026-004"}', '2026-04-07 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2026-004/answer/2026-04-07/0', '2026-12-01 19:58:54.06798+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-5075-736b-afb4-de93e060f717', 'reminder', '{"due": "2026-04-07", "agency": "fx-health", "offset": -1, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2026-004/answer/2026-04-07/-1", "reference": "2026-004"}', '2026-04-08 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2026-004/answer/2026-04-07/-1', '2026-12-01 19:58:54.06798+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-5090-7bcc-be2f-2c24025022fa', 'reminder', '{"due": "2026-05-29", "agency": "fx-health", "offset": 5, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2026-004/answer/2026-05-29/5", "reference": "2026-004"}', '2026-05-22 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2026-004/answer/2026-05-29/5', '2026-12-01 19:58:54.094599+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-5090-7511-b4e1-da86f2e641b6', 'reminder', '{"due": "2026-05-29", "agency": "fx-health", "offset": 1, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2026-004/answer/2026-05-29/1", "reference": "2026-004"}', '2026-05-28 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2026-004/answer/2026-05-29/1', '2026-12-01 19:58:54.094599+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-5090-703f-9540-d9e47cf6105b', 'reminder', '{"due": "2026-05-29", "agency": "fx-health", "offset": 0, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2026-004/answer/2026-05-29/0", "reference": "2026-004"}', '2026-05-29 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2026-004/answer/2026-05-29/0', '2026-12-01 19:58:54.094599+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-5090-7c13-8b55-5f3abaf9617e', 'reminder', '{"due": "2026-05-29", "agency": "fx-health", "offset": -1, "subject": "request", "deadline": "answer", "dedupKey": "reminder:request:fx-health/2026-004/answer/2026-05-29/-1", "reference": "2026-004"}', '2026-06-01 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2026-004/answer/2026-05-29/-1', '2026-12-01 19:58:54.094599+00', NULL);
INSERT INTO es.jobs VALUES ('fx-gov', '01a23330-509a-755e-8361-67dee1e37eaf', 'reminder', '{"due": "2026-04-07", "agency": "fx-gov", "offset": -1, "subject": "request", "deadline": "applicant-review-window", "dedupKey": "reminder:request:fx-gov/2026-001/applicant-review-window/2026-04-07/-1", "reference": "2026-001"}', '2026-04-08 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-gov/2026-001/applicant-review-window/2026-04-07/-1', '2026-12-01 19:58:54.106178+00', NULL);
INSERT INTO es.jobs VALUES ('fx-gov', '01a23330-509a-7f95-a3c5-5f59f256be8d', 'reminder', '{"due": "2026-08-05", "agency": "fx-gov", "offset": -1, "subject": "request", "deadline": "applicant-suit-window", "dedupKey": "reminder:request:fx-gov/2026-001/applicant-suit-window/2026-08-05/-1", "reference": "2026-001"}', '2026-08-06 00:00:00+00', 'pending', 0, 8, NULL, NULL, NULL, 'reminder:request:fx-gov/2026-001/applicant-suit-window/2026-08-05/-1', '2026-12-01 19:58:54.106178+00', NULL);
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-5074-7b99-9139-8f60e3ab9a1f', 'reminder', '{"due": "2026-03-18", "agency": "fx-health", "offset": 2, "subject": "request", "deadline": "clarification-notice", "dedupKey": "reminder:request:fx-health/2026-004/clarification-notice/2026-03-18/2", "reference": "2026-004"}', '2026-03-16 00:00:00+00', 'done', 1, 8, NULL, NULL, NULL, 'reminder:request:fx-health/2026-004/clarification-notice/2026-03-18/2', '2026-12-01 19:58:54.06798+00', '2026-03-17 02:00:00+00');
INSERT INTO es.jobs VALUES ('fx-health', '01a23330-52aa-788d-9338-884ceaaf26b3', 'report.restate', '{"Agency": "fx-health"}', '2026-03-16 02:00:00+00', 'done', 1, 8, NULL, NULL, NULL, 'report.restate:fx-health', '2026-12-01 19:58:54.598838+00', '2026-03-17 02:00:00+00');


--
-- Data for Name: progress; Type: TABLE DATA; Schema: es; Owner: -
--

INSERT INTO es.progress VALUES ('agencies.directory', 1, 0, 0, 0, '2026-12-01 19:58:52.760882+00');
INSERT INTO es.progress VALUES ('requests.files', 1, 0, 0, 0, '2026-12-01 19:58:52.760882+00');
INSERT INTO es.progress VALUES ('reporting.requests', 1, 0, 0, 0, '2026-12-01 19:58:52.760882+00');
INSERT INTO es.progress VALUES ('reporting.cases', 1, 0, 0, 0, '2026-12-01 19:58:52.760882+00');
INSERT INTO es.progress VALUES ('reporting.disclosure-stats', 1, 0, 0, 0, '2026-12-01 19:58:52.760882+00');
INSERT INTO es.progress VALUES ('reporting.annual-reports', 1, 0, 0, 0, '2026-12-01 19:58:52.760882+00');
INSERT INTO es.progress VALUES ('reporting.restatement-watch', 1, 6014, 64, 64, '2026-12-01 19:58:54.598838+00');


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: es; Owner: -
--

INSERT INTO es.schema_migrations VALUES ('es', 1, 'streams, events, progress, commands, jobs', '2026-12-01 19:58:52.661174+00');
INSERT INTO es.schema_migrations VALUES ('es', 2, 'append function', '2026-12-01 19:58:52.707036+00');
INSERT INTO es.schema_migrations VALUES ('es', 3, 'row-count assertion', '2026-12-01 19:58:52.712569+00');
INSERT INTO es.schema_migrations VALUES ('cf', 1, 'schemas, calendar years', '2026-12-01 19:58:52.716795+00');
INSERT INTO es.schema_migrations VALUES ('cf', 2, 'user accounts', '2026-12-01 19:58:52.724014+00');
INSERT INTO es.schema_migrations VALUES ('cf', 3, 'notifications', '2026-12-01 19:58:52.732163+00');
INSERT INTO es.schema_migrations VALUES ('cf', 4, 'letter templates', '2026-12-01 19:58:52.742657+00');


--
-- Data for Name: streams; Type: TABLE DATA; Schema: es; Owner: -
--

INSERT INTO es.streams VALUES ('fx-gov', '93260c12-57a9-51b6-9136-5eb024b88894', 'agency', '2026-12-01 19:58:53.028637+00', false);
INSERT INTO es.streams VALUES ('fx-health', 'c1960c13-73e2-5539-b948-62f27b6f0faa', 'agency', '2026-12-01 19:58:53.104188+00', false);
INSERT INTO es.streams VALUES ('fx-health', 'cb73dff7-7710-5286-9e3a-261c85119f67', 'request', '2026-12-01 19:58:53.140395+00', false);
INSERT INTO es.streams VALUES ('fx-health', '5065eb3a-ab64-5962-b822-35e8abcf782d', 'request', '2026-12-01 19:58:53.396749+00', false);
INSERT INTO es.streams VALUES ('fx-health', 'e190cada-d18f-5bac-a59d-a6f32b1f7017', 'request', '2026-12-01 19:58:53.459306+00', false);
INSERT INTO es.streams VALUES ('fx-health', 'f85192f5-86ac-5db5-9cbe-0005f2a7775f', 'request', '2026-12-01 19:58:53.484649+00', false);
INSERT INTO es.streams VALUES ('fx-health', 'b0af57cc-4fac-5970-a53c-ca2b9b12fa62', 'request', '2026-12-01 19:58:53.551615+00', false);
INSERT INTO es.streams VALUES ('fx-health', '2b96e33e-fd83-530a-94a6-8e7d56ccae0e', 'request', '2026-12-01 19:58:53.596483+00', false);
INSERT INTO es.streams VALUES ('fx-health', '6e67b420-3fe9-5f4a-8304-0930a0c73e47', 'request', '2026-12-01 19:58:53.608987+00', false);
INSERT INTO es.streams VALUES ('fx-health', '79568456-d159-542f-8bb1-69bb2fb2a141', 'request', '2026-12-01 19:58:53.624319+00', false);
INSERT INTO es.streams VALUES ('fx-health', '2d83bac2-e7ed-5c22-acc3-b5dd9e0afbe6', 'request', '2026-12-01 19:58:53.63057+00', false);
INSERT INTO es.streams VALUES ('fx-health', '9f858558-a3c6-5360-a2df-e1438a65f3d7', 'request', '2026-12-01 19:58:53.633768+00', false);
INSERT INTO es.streams VALUES ('fx-health', '966af7eb-19c3-5137-aaaa-4c1d538265b0', 'review', '2026-12-01 19:58:53.646964+00', false);
INSERT INTO es.streams VALUES ('fx-health', 'a97f094c-1cfc-5566-a220-698e3dae7e1c', 'lawsuit', '2026-12-01 19:58:53.810696+00', false);
INSERT INTO es.streams VALUES ('fx-health', '099a220a-cc18-549e-b139-5145c37cb123', 'disclosure-stats', '2026-12-01 19:58:53.890403+00', false);
INSERT INTO es.streams VALUES ('fx-health', 'ffa3a75f-f5e6-5e26-862f-75ceb43c1d30', 'annual-report', '2026-12-01 19:58:54.014512+00', false);
INSERT INTO es.streams VALUES ('fx-health', '8f338e25-ac8d-58b8-bfe0-bf2f384c6d90', 'request', '2026-12-01 19:58:54.048419+00', false);
INSERT INTO es.streams VALUES ('fx-health', '616c6a7d-dc01-5277-997b-27d1f9d27db8', 'request', '2026-12-01 19:58:54.059997+00', false);
INSERT INTO es.streams VALUES ('fx-health', 'daf289d9-5a68-592c-904a-4f51ed7c5c1c', 'request', '2026-12-01 19:58:54.062912+00', false);
INSERT INTO es.streams VALUES ('fx-health', 'f7c907b6-8e4b-5367-8609-21398522c2d8', 'request', '2026-12-01 19:58:54.06798+00', false);
INSERT INTO es.streams VALUES ('fx-gov', '63e0f7ec-40d3-59be-895c-f2323a9cd1ca', 'request', '2026-12-01 19:58:54.102145+00', false);


--
-- Data for Name: agencies; Type: TABLE DATA; Schema: rm; Owner: -
--

INSERT INTO rm.agencies VALUES ('fx-gov', '93260c12-57a9-51b6-9136-5eb024b88894', 1, '{"code": "fx-gov", "kind": "government", "name": "样例市人民政府"}', 'fx-gov', '样例市人民政府', NULL);
INSERT INTO rm.agencies VALUES ('fx-health', 'c1960c13-73e2-5539-b948-62f27b6f0faa', 1, '{"code": "fx-health", "kind": "department", "name": "样例市卫生健康委员会", "parent": "fx-gov"}', 'fx-health', '样例市卫生健康委员会', 'fx-gov');


--
-- Data for Name: annual_reports; Type: TABLE DATA; Schema: rm; Owner: -
--

INSERT INTO rm.annual_reports VALUES ('fx-health', 'ffa3a75f-f5e6-5e26-862f-75ceb43c1d30', 2, '{"year": 2025, "closed": true, "versions": [{"info": {"on": "2026-03-16", "hash": "b3873e7c9a1f0ea24d69dfb0e0003b4f0c9e9171e91fd0e8c79881ba01a53c05", "kind": "closed", "version": 1, "differences": []}, "tables": {"table2": {"coercion": 2, "licensing": 1520, "penalties": 86, "feesWanYuan": 0, "regulations": {"issued": 0, "inForce": 0, "repealed": 0}, "normativeDocuments": {"issued": 3, "inForce": 12, "repealed": 1}}, "table3": {"other": {"total": 1, "other-org": 0, "natural-person": 1, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "received": {"total": 10, "other-org": 1, "natural-person": 6, "legal-service-org": 0, "public-interest-org": 1, "research-institution": 1, "commercial-enterprise": 1}, "disclosed": {"total": 3, "other-org": 0, "natural-person": 3, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "carried-in": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "carried-out": {"total": 2, "other-org": 0, "natural-person": 1, "legal-service-org": 0, "public-interest-org": 1, "research-institution": 0, "commercial-enterprise": 0}, "total-handled": {"total": 8, "other-org": 1, "natural-person": 5, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 1, "commercial-enterprise": 1}, "unable-not-held": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "other-fee-lapsed": {"total": 1, "other-org": 1, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "partially-disclosed": {"total": 1, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 1}, "not-processed-repeat": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-state-secret": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "unable-needs-creation": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "not-processed-complaint": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "not-processed-excessive": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-internal-affairs": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "not-processed-publication": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-prohibited-by-law": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "not-processed-confirmation": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "other-clarification-lapsed": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-security-stability": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-third-party-rights": {"total": 1, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 1, "commercial-enterprise": 0}, "refused-process-information": {"total": 1, "other-org": 0, "natural-person": 1, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-administrative-query": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-enforcement-case-file": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "unable-unclear-after-clarification": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}}, "table4": {"review": {"other": 0, "total": 1, "pending": 0, "corrected": 1, "maintained": 0}, "lawsuit-direct": {"other": 0, "total": 1, "pending": 1, "corrected": 0, "maintained": 0}, "lawsuit-after-review": {"other": 0, "total": 0, "pending": 0, "corrected": 0, "maintained": 0}}}}, {"info": {"on": "2026-03-16", "hash": "fe53b9ecbb1dd978de18f2d59c04bc149972b81b24d672706b5b71f38a339ee8", "kind": "restated", "version": 2, "differences": ["表二 行政许可 本年处理决定数量：1520 → 1522", "表二 行政事业性收费 本年收费金额（万元）：0 → 0.0125"]}, "tables": {"table2": {"coercion": 2, "licensing": 1522, "penalties": 86, "feesWanYuan": 0.0125, "regulations": {"issued": 0, "inForce": 0, "repealed": 0}, "normativeDocuments": {"issued": 3, "inForce": 12, "repealed": 1}}, "table3": {"other": {"total": 1, "other-org": 0, "natural-person": 1, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "received": {"total": 10, "other-org": 1, "natural-person": 6, "legal-service-org": 0, "public-interest-org": 1, "research-institution": 1, "commercial-enterprise": 1}, "disclosed": {"total": 3, "other-org": 0, "natural-person": 3, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "carried-in": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "carried-out": {"total": 2, "other-org": 0, "natural-person": 1, "legal-service-org": 0, "public-interest-org": 1, "research-institution": 0, "commercial-enterprise": 0}, "total-handled": {"total": 8, "other-org": 1, "natural-person": 5, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 1, "commercial-enterprise": 1}, "unable-not-held": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "other-fee-lapsed": {"total": 1, "other-org": 1, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "partially-disclosed": {"total": 1, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 1}, "not-processed-repeat": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-state-secret": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "unable-needs-creation": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "not-processed-complaint": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "not-processed-excessive": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-internal-affairs": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "not-processed-publication": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-prohibited-by-law": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "not-processed-confirmation": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "other-clarification-lapsed": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-security-stability": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-third-party-rights": {"total": 1, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 1, "commercial-enterprise": 0}, "refused-process-information": {"total": 1, "other-org": 0, "natural-person": 1, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-administrative-query": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "refused-enforcement-case-file": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}, "unable-unclear-after-clarification": {"total": 0, "other-org": 0, "natural-person": 0, "legal-service-org": 0, "public-interest-org": 0, "research-institution": 0, "commercial-enterprise": 0}}, "table4": {"review": {"other": 0, "total": 1, "pending": 0, "corrected": 1, "maintained": 0}, "lawsuit-direct": {"other": 0, "total": 1, "pending": 1, "corrected": 0, "maintained": 0}, "lawsuit-after-review": {"other": 0, "total": 0, "pending": 0, "corrected": 0, "maintained": 0}}}}]}', 2025, 2);


--
-- Data for Name: disclosure_stats; Type: TABLE DATA; Schema: rm; Owner: -
--

INSERT INTO rm.disclosure_stats VALUES ('fx-health', '099a220a-cc18-549e-b139-5145c37cb123', 2, '{"on": "2026-03-16", "year": 2025, "figures": {"coercion": 2, "licensing": 1522, "penalties": 86, "feesWanYuan": 0.0125, "regulations": {"issued": 0, "inForce": 0, "repealed": 0}, "normativeDocuments": {"issued": 3, "inForce": 12, "repealed": 1}}, "coercion": 2, "licensing": 1522, "penalties": 86, "feesWanYuan": 0.0125, "regulations": {"issued": 0, "inForce": 0, "repealed": 0}, "normativeDocuments": {"issued": 3, "inForce": 12, "repealed": 1}}', 2025);


--
-- Data for Name: report_cases; Type: TABLE DATA; Schema: rm; Owner: -
--

INSERT INTO rm.report_cases VALUES ('fx-health', '966af7eb-19c3-5137-aaaa-4c1d538265b0', 5, '{"fact": {"group": "review", "result": "corrected", "counted": true, "filedOn": "2025-05-20", "concludedOn": "2025-07-10", "caseReference": "样复〔2025〕1号", "requestReference": "2025-010"}, "review": {"filed": true, "arl2023": true, "decided": true, "filedOn": "2025-05-20", "decision": {"on": "2025-07-10", "decision": "revoked-with-redo", "ordersNewAnswer": true, "answerWorkingDays": 15}, "suspended": false, "acceptedOn": "2025-06-02", "lastFactOn": "2025-07-10", "reviewBody": "样例市人民政府", "simplified": false, "suspensions": [], "caseReference": "样复〔2025〕1号", "extensionDays": 0, "acceptanceStart": "2025-05-28", "requestReference": "2025-010", "correctionReplyBy": "2025-06-05", "awaitingCorrection": false, "correctionReceivedOn": "2025-05-28", "correctionRequestedOn": "2025-05-22"}}', '样复〔2025〕1号', '2025-010', 'review', true, '2025-05-20', '2025-07-10', 'corrected');
INSERT INTO rm.report_cases VALUES ('fx-health', 'a97f094c-1cfc-5566-a220-698e3dae7e1c', 5, '{"fact": {"group": "lawsuit-direct", "result": "maintained", "counted": true, "filedOn": "2025-07-01", "concludedOn": "2026-02-20", "caseReference": "（2025）样行初1号", "requestReference": "2025-003"}, "lawsuit": {"role": "original-actor", "court": "样例区人民法院", "filed": true, "group": "lawsuit-direct", "filedOn": "2025-07-01", "concluded": true, "inForceOn": "2026-02-20", "suspended": false, "appealedOn": "2025-12-01", "lastFactOn": "2026-02-20", "simplified": false, "afterReview": false, "suspensions": [], "registeredOn": "2025-07-08", "caseReference": "（2025）样行初1号", "firstInstance": {"on": "2025-11-20", "inForce": false, "instance": 1, "isRuling": false, "judgment": "claim-dismissed", "ordersNewAnswer": false}, "secondInstance": {"on": "2026-02-20", "appeal": "upheld", "inForce": true, "instance": 2, "isRuling": false, "ordersNewAnswer": false}, "requestReference": "2025-003"}}', '（2025）样行初1号', '2025-003', 'lawsuit-direct', true, '2025-07-01', '2026-02-20', 'maintained');


--
-- Data for Name: report_requests; Type: TABLE DATA; Schema: rm; Owner: -
--

INSERT INTO rm.report_requests VALUES ('fx-health', 'cb73dff7-7710-5286-9e3a-261c85119f67', 2, '{"fact": {"column": "natural-person", "outcome": "disclosed", "reopened": false, "reference": "2025-001", "receivedOn": "2025-02-10", "concludedOn": "2025-03-05"}, "state": {"fees": [], "status": "concluded", "channel": "in-person", "letters": [], "received": true, "concluded": true, "reference": "2025-001", "challenges": [], "clockStart": "2025-02-10", "conclusion": {"on": "2025-03-05", "kind": "answered", "items": ["disclosed"]}, "extensions": [], "lastFactOn": "2025-03-05", "receivedOn": "2025-02-10", "reopenedBy": [], "applicantType": "natural-person", "consultations": [], "clarifications": [], "firstConclusion": {"on": "2025-03-05", "kind": "answered", "items": ["disclosed"]}, "carriedOverYears": [], "extensionWorkingDays": 0}}', '2025-001', '2025-02-10', 'natural-person', '2025-03-05', 'disclosed', false);
INSERT INTO rm.report_requests VALUES ('fx-health', 'e190cada-d18f-5bac-a59d-a6f32b1f7017', 4, '{"fact": {"column": "research-institution", "outcome": "refused-third-party-rights", "reopened": false, "reference": "2025-003", "receivedOn": "2025-05-06", "concludedOn": "2025-06-20"}, "state": {"fees": [], "status": "concluded", "channel": "registered-mail", "letters": [], "received": true, "concluded": true, "reference": "2025-003", "challenges": ["（2025）样行初1号"], "clockStart": "2025-05-06", "conclusion": {"on": "2025-06-20", "kind": "answered", "items": ["refused-third-party-rights"]}, "extensions": [{"on": "2025-05-30", "approvedBy": "王主任", "workingDays": 15}], "lastFactOn": "2025-06-20", "receivedOn": "2025-05-06", "reopenedBy": [], "applicantType": "research-institution", "consultations": [], "clarifications": [], "firstConclusion": {"on": "2025-06-20", "kind": "answered", "items": ["refused-third-party-rights"]}, "carriedOverYears": [], "extensionWorkingDays": 15}}', '2025-003', '2025-05-06', 'research-institution', '2025-06-20', 'refused-third-party-rights', false);
INSERT INTO rm.report_requests VALUES ('fx-health', '5065eb3a-ab64-5962-b822-35e8abcf782d', 6, '{"fact": {"column": "commercial-enterprise", "outcome": "partially-disclosed", "reopened": false, "reference": "2025-002", "receivedOn": "2025-03-20", "concludedOn": "2025-04-18"}, "state": {"fees": [], "status": "concluded", "channel": "online", "letters": [{"on": "2025-04-20", "hash": "a73f412f5bf145108a29e62bbee6ca16d6adfab8035d9da984e5ea61a493e76e", "kind": "answer", "method": "电子邮件", "deliveredOn": "2025-04-21", "templateVersion": 0}], "received": true, "concluded": true, "reference": "2025-002", "challenges": [], "clockStart": "2025-04-01", "conclusion": {"on": "2025-04-18", "kind": "answered", "items": ["disclosed", "refused-internal-affairs"]}, "extensions": [], "lastFactOn": "2025-04-18", "receivedOn": "2025-03-20", "reopenedBy": [], "applicantType": "commercial-enterprise", "consultations": [], "clarifications": [{"on": "2025-03-25", "pending": false, "replyBy": "2025-04-08", "correctedOn": "2025-04-01"}], "firstConclusion": {"on": "2025-04-18", "kind": "answered", "items": ["disclosed", "refused-internal-affairs"]}, "carriedOverYears": [], "answerDeliveredOn": "2025-04-21", "extensionWorkingDays": 0}}', '2025-002', '2025-03-20', 'commercial-enterprise', '2025-04-18', 'partially-disclosed', false);
INSERT INTO rm.report_requests VALUES ('fx-health', '2b96e33e-fd83-530a-94a6-8e7d56ccae0e', 2, '{"fact": {"column": "natural-person", "outcome": "other", "reopened": false, "reference": "2025-006", "receivedOn": "2025-08-01", "concludedOn": "2025-08-10"}, "state": {"fees": [], "status": "concluded", "channel": "fax", "letters": [], "received": true, "concluded": true, "reference": "2025-006", "challenges": [], "clockStart": "2025-08-01", "conclusion": {"on": "2025-08-10", "kind": "withdrawn", "items": ["other"]}, "extensions": [], "lastFactOn": "2025-08-10", "receivedOn": "2025-08-01", "reopenedBy": [], "applicantType": "natural-person", "consultations": [], "clarifications": [], "firstConclusion": {"on": "2025-08-10", "kind": "withdrawn", "items": ["other"]}, "carriedOverYears": [], "extensionWorkingDays": 0}}', '2025-006', '2025-08-01', 'natural-person', '2025-08-10', 'other', false);
INSERT INTO rm.report_requests VALUES ('fx-health', 'f85192f5-86ac-5db5-9cbe-0005f2a7775f', 4, '{"fact": {"column": "natural-person", "outcome": "disclosed", "reopened": false, "reference": "2025-004", "receivedOn": "2025-06-10", "concludedOn": "2025-07-15"}, "state": {"fees": [], "status": "concluded", "channel": "in-person", "letters": [], "received": true, "concluded": true, "reference": "2025-004", "challenges": [], "clockStart": "2025-06-10", "conclusion": {"on": "2025-07-15", "kind": "answered", "items": ["disclosed"]}, "extensions": [], "lastFactOn": "2025-07-15", "receivedOn": "2025-06-10", "reopenedBy": [], "applicantType": "natural-person", "consultations": [{"end": "2025-06-30", "name": "样例诊所", "open": false, "party": "third-party", "start": "2025-06-12", "result": "consented"}], "clarifications": [], "firstConclusion": {"on": "2025-07-15", "kind": "answered", "items": ["disclosed"]}, "carriedOverYears": [], "extensionWorkingDays": 0}}', '2025-004', '2025-06-10', 'natural-person', '2025-07-15', 'disclosed', false);
INSERT INTO rm.report_requests VALUES ('fx-health', '6e67b420-3fe9-5f4a-8304-0930a0c73e47', 3, '{"fact": {"column": "other-org", "outcome": "other-fee-lapsed", "reopened": false, "reference": "2025-007", "receivedOn": "2025-09-01", "concludedOn": "2025-10-15"}, "state": {"fees": [{"on": "2025-09-05", "pending": false, "lapsedOn": "2025-10-15", "amountYuan": 50}], "status": "concluded", "channel": "in-person", "letters": [], "received": true, "concluded": true, "reference": "2025-007", "challenges": [], "clockStart": "2025-09-01", "conclusion": {"on": "2025-10-15", "kind": "fee-lapsed", "items": ["other-fee-lapsed"]}, "extensions": [], "lastFactOn": "2025-10-15", "receivedOn": "2025-09-01", "reopenedBy": [], "applicantType": "other-org", "consultations": [], "clarifications": [], "firstConclusion": {"on": "2025-10-15", "kind": "fee-lapsed", "items": ["other-fee-lapsed"]}, "carriedOverYears": [], "extensionWorkingDays": 0}}', '2025-007', '2025-09-01', 'other-org', '2025-10-15', 'other-fee-lapsed', false);
INSERT INTO rm.report_requests VALUES ('fx-health', 'b0af57cc-4fac-5970-a53c-ca2b9b12fa62', 4, '{"fact": {"column": "natural-person", "outcome": "disclosed", "reopened": false, "reference": "2025-005", "receivedOn": "2025-07-01", "concludedOn": "2025-08-05"}, "state": {"fees": [{"on": "2025-07-10", "paidOn": "2025-07-20", "pending": false, "amountYuan": 100}], "status": "concluded", "channel": "in-person", "letters": [], "received": true, "concluded": true, "reference": "2025-005", "challenges": [], "clockStart": "2025-07-01", "conclusion": {"on": "2025-08-05", "kind": "answered", "items": ["disclosed"]}, "extensions": [], "lastFactOn": "2025-08-05", "receivedOn": "2025-07-01", "reopenedBy": [], "applicantType": "natural-person", "consultations": [], "clarifications": [], "firstConclusion": {"on": "2025-08-05", "kind": "answered", "items": ["disclosed"]}, "carriedOverYears": [], "extensionWorkingDays": 0}}', '2025-005', '2025-07-01', 'natural-person', '2025-08-05', 'disclosed', false);
INSERT INTO rm.report_requests VALUES ('fx-health', '2d83bac2-e7ed-5c22-acc3-b5dd9e0afbe6', 2, '{"fact": {"column": "public-interest-org", "reopened": false, "reference": "2025-009", "receivedOn": "2025-12-22"}, "state": {"fees": [], "status": "open", "channel": "in-person", "letters": [], "received": true, "concluded": false, "reference": "2025-009", "challenges": [], "clockStart": "2025-12-22", "extensions": [], "lastFactOn": "2025-12-22", "receivedOn": "2025-12-22", "reopenedBy": [], "applicantType": "public-interest-org", "consultations": [], "clarifications": [], "carriedOverYears": [2025], "extensionWorkingDays": 0}}', '2025-009', '2025-12-22', 'public-interest-org', NULL, NULL, false);
INSERT INTO rm.report_requests VALUES ('fx-health', '79568456-d159-542f-8bb1-69bb2fb2a141', 3, '{"fact": {"column": "natural-person", "outcome": "unable-not-held", "reopened": false, "reference": "2025-008", "receivedOn": "2025-12-15", "concludedOn": "2026-01-10"}, "state": {"fees": [], "status": "concluded", "channel": "in-person", "letters": [], "received": true, "concluded": true, "reference": "2025-008", "challenges": [], "clockStart": "2025-12-15", "conclusion": {"on": "2026-01-10", "kind": "answered", "items": ["unable-not-held"]}, "extensions": [], "lastFactOn": "2026-01-10", "receivedOn": "2025-12-15", "reopenedBy": [], "applicantType": "natural-person", "consultations": [], "clarifications": [], "firstConclusion": {"on": "2026-01-10", "kind": "answered", "items": ["unable-not-held"]}, "carriedOverYears": [2025], "extensionWorkingDays": 0}}', '2025-008', '2025-12-15', 'natural-person', '2026-01-10', 'unable-not-held', false);
INSERT INTO rm.report_requests VALUES ('fx-health', '8f338e25-ac8d-58b8-bfe0-bf2f384c6d90', 3, '{"fact": {"column": "natural-person", "outcome": "disclosed", "reopened": false, "reference": "2026-001", "receivedOn": "2026-01-05", "concludedOn": "2026-02-01"}, "state": {"fees": [], "status": "concluded", "channel": "in-person", "letters": [], "received": true, "concluded": true, "reference": "2026-001", "challenges": [], "clockStart": "2026-01-05", "conclusion": {"on": "2026-02-01", "kind": "answered", "items": ["disclosed"]}, "extensions": [], "lastFactOn": "2026-02-01", "receivedOn": "2026-01-05", "reopenedBy": [], "applicantType": "natural-person", "consultations": [], "clarifications": [], "firstConclusion": {"on": "2026-02-01", "kind": "answered", "items": ["disclosed"]}, "carriedOverYears": [], "answerDeliveredOn": "2026-02-03", "extensionWorkingDays": 0}}', '2026-001', '2026-01-05', 'natural-person', '2026-02-01', 'disclosed', false);
INSERT INTO rm.report_requests VALUES ('fx-health', '616c6a7d-dc01-5277-997b-27d1f9d27db8', 1, '{"fact": {"column": "legal-service-org", "reopened": false, "reference": "2026-002", "receivedOn": "2026-02-20"}, "state": {"fees": [], "status": "open", "channel": "online", "letters": [], "received": true, "concluded": false, "reference": "2026-002", "challenges": [], "clockStart": "2026-02-20", "extensions": [], "lastFactOn": "2026-02-20", "receivedOn": "2026-02-20", "reopenedBy": [], "applicantType": "legal-service-org", "consultations": [], "clarifications": [], "carriedOverYears": [], "extensionWorkingDays": 0}}', '2026-002', '2026-02-20', 'legal-service-org', NULL, NULL, false);
INSERT INTO rm.report_requests VALUES ('fx-health', '9f858558-a3c6-5360-a2df-e1438a65f3d7', 6, '{"fact": {"column": "natural-person", "outcome": "refused-process-information", "reopened": true, "reference": "2025-010", "receivedOn": "2025-04-01", "concludedOn": "2025-04-25"}, "state": {"fees": [], "status": "concluded", "channel": "in-person", "letters": [], "received": true, "concluded": true, "reference": "2025-010", "challenges": ["样复〔2025〕1号"], "clockStart": "2025-07-10", "conclusion": {"on": "2025-07-25", "kind": "answered", "items": ["disclosed"]}, "extensions": [], "lastFactOn": "2025-07-25", "receivedOn": "2025-04-01", "reopenedBy": ["样复〔2025〕1号"], "applicantType": "natural-person", "consultations": [], "clarifications": [], "firstConclusion": {"on": "2025-04-25", "kind": "answered", "items": ["refused-process-information"]}, "carriedOverYears": [], "answerDeliveredOn": "2025-07-28", "extensionWorkingDays": 0, "orderedPeriodWorkingDays": 15}}', '2025-010', '2025-04-01', 'natural-person', '2025-04-25', 'refused-process-information', true);
INSERT INTO rm.report_requests VALUES ('fx-health', 'daf289d9-5a68-592c-904a-4f51ed7c5c1c', 2, '{"fact": {"column": "natural-person", "reopened": false, "reference": "2026-003", "receivedOn": "2026-03-03"}, "state": {"fees": [], "status": "open", "channel": "ordinary-mail", "letters": [{"on": "2026-03-10", "hash": "fc84e9f03ac06a61d3fa16abcb65cf122a707fe29944019f65509cb7ff5a276a", "kind": "receipt", "method": "邮寄", "deliveredOn": "2026-03-12", "templateVersion": 1}], "received": true, "concluded": false, "reference": "2026-003", "challenges": [], "clockStart": "2026-03-03", "extensions": [], "lastFactOn": "2026-03-03", "receivedOn": "2026-03-03", "reopenedBy": [], "applicantType": "natural-person", "consultations": [], "clarifications": [], "carriedOverYears": [], "extensionWorkingDays": 0}}', '2026-003', '2026-03-03', 'natural-person', NULL, NULL, false);
INSERT INTO rm.report_requests VALUES ('fx-health', 'f7c907b6-8e4b-5367-8609-21398522c2d8', 4, '{"fact": {"column": "natural-person", "reopened": false, "reference": "2026-004", "receivedOn": "2026-03-09"}, "state": {"fees": [], "status": "open", "channel": "in-person", "letters": [], "officer": "wu.fang", "received": true, "concluded": false, "reference": "2026-004", "challenges": [], "clockStart": "2026-03-09", "extensions": [], "lastFactOn": "2026-03-12", "receivedOn": "2026-03-09", "reopenedBy": [], "applicantType": "natural-person", "consultations": [], "clarifications": [], "dueDateOverride": "2026-05-29", "carriedOverYears": [], "volumeDecisionOn": "2026-03-12", "extensionWorkingDays": 0, "volumeReasonsAskedOn": "2026-03-10"}}', '2026-004', '2026-03-09', 'natural-person', NULL, NULL, false);
INSERT INTO rm.report_requests VALUES ('fx-gov', '63e0f7ec-40d3-59be-895c-f2323a9cd1ca', 2, '{"fact": {"column": "public-interest-org", "outcome": "not-processed-repeat", "reopened": false, "reference": "2026-001", "receivedOn": "2026-01-12", "concludedOn": "2026-02-05"}, "state": {"fees": [], "status": "concluded", "channel": "in-person", "letters": [], "received": true, "concluded": true, "reference": "2026-001", "challenges": [], "clockStart": "2026-01-12", "conclusion": {"on": "2026-02-05", "kind": "answered", "items": ["not-processed-repeat"]}, "extensions": [], "lastFactOn": "2026-02-05", "receivedOn": "2026-01-12", "reopenedBy": [], "applicantType": "public-interest-org", "consultations": [], "clarifications": [], "firstConclusion": {"on": "2026-02-05", "kind": "answered", "items": ["not-processed-repeat"]}, "carriedOverYears": [], "extensionWorkingDays": 0}}', '2026-001', '2026-01-12', 'public-interest-org', '2026-02-05', 'not-processed-repeat', false);


--
-- Data for Name: request_files; Type: TABLE DATA; Schema: rm; Owner: -
--

INSERT INTO rm.request_files VALUES ('fx-health', 'cb73dff7-7710-5286-9e3a-261c85119f67', 2, '{"state": {"fees": [], "status": "concluded", "channel": "in-person", "letters": [], "received": true, "concluded": true, "reference": "2025-001", "challenges": [], "clockStart": "2025-02-10", "conclusion": {"on": "2025-03-05", "kind": "answered", "items": ["disclosed"]}, "extensions": [], "lastFactOn": "2025-03-05", "receivedOn": "2025-02-10", "reopenedBy": [], "applicantType": "natural-person", "consultations": [], "clarifications": [], "firstConclusion": {"on": "2025-03-05", "kind": "answered", "items": ["disclosed"]}, "carriedOverYears": [], "extensionWorkingDays": 0}, "answer": {"on": "2025-03-05", "items": [{"outcome": "disclosed"}], "answerType": "provided"}, "subject": "2024年医疗机构执业许可名单", "applicant": {"name": "张三", "type": "natural-person", "phone": "13800000001", "idNumber": "370102199001011234"}, "lastRecordedAt": "2026-03-16T02:00:00Z", "clarificationItems": []}', '2025-001', 'concluded', '2025-02-10', 'in-person', 'natural-person', '张三', NULL, 'disclosed', '2025-03-05', '2024年医疗机构执业许可名单');
INSERT INTO rm.request_files VALUES ('fx-health', '2b96e33e-fd83-530a-94a6-8e7d56ccae0e', 2, '{"state": {"fees": [], "status": "concluded", "channel": "fax", "letters": [], "received": true, "concluded": true, "reference": "2025-006", "challenges": [], "clockStart": "2025-08-01", "conclusion": {"on": "2025-08-10", "kind": "withdrawn", "items": ["other"]}, "extensions": [], "lastFactOn": "2025-08-10", "receivedOn": "2025-08-01", "reopenedBy": [], "applicantType": "natural-person", "consultations": [], "clarifications": [], "firstConclusion": {"on": "2025-08-10", "kind": "withdrawn", "items": ["other"]}, "carriedOverYears": [], "extensionWorkingDays": 0}, "subject": "疫苗接种点名单", "applicant": {"name": "钱七", "type": "natural-person", "phone": "13800000004"}, "confirmedOn": "2025-08-01", "lastRecordedAt": "2026-03-16T02:00:00Z", "withdrawalReason": "已在网站查到", "clarificationItems": []}', '2025-006', 'concluded', '2025-08-01', 'fax', 'natural-person', '钱七', NULL, 'other', '2025-08-10', '疫苗接种点名单');
INSERT INTO rm.request_files VALUES ('fx-health', 'e190cada-d18f-5bac-a59d-a6f32b1f7017', 4, '{"state": {"fees": [], "status": "concluded", "channel": "registered-mail", "letters": [], "received": true, "concluded": true, "reference": "2025-003", "challenges": ["（2025）样行初1号"], "clockStart": "2025-05-06", "conclusion": {"on": "2025-06-20", "kind": "answered", "items": ["refused-third-party-rights"]}, "extensions": [{"on": "2025-05-30", "approvedBy": "王主任", "workingDays": 15}], "lastFactOn": "2025-06-20", "receivedOn": "2025-05-06", "reopenedBy": [], "applicantType": "research-institution", "consultations": [], "clarifications": [], "firstConclusion": {"on": "2025-06-20", "kind": "answered", "items": ["refused-third-party-rights"]}, "carriedOverYears": [], "extensionWorkingDays": 15}, "answer": {"on": "2025-06-20", "items": [{"outcome": "refused-third-party-rights"}], "answerType": "not-disclosed"}, "subject": "医保报销政策执行数据", "applicant": {"name": "样例大学公共卫生学院", "type": "research-institution", "address": "样例市大学路1号"}, "arrivedOn": "2025-05-06", "lastRecordedAt": "2026-03-16T02:00:00Z", "clarificationItems": []}', '2025-003', 'concluded', '2025-05-06', 'registered-mail', 'research-institution', '样例大学公共卫生学院', NULL, 'refused-third-party-rights', '2025-06-20', '医保报销政策执行数据');
INSERT INTO rm.request_files VALUES ('fx-health', 'f85192f5-86ac-5db5-9cbe-0005f2a7775f', 4, '{"state": {"fees": [], "status": "concluded", "channel": "in-person", "letters": [], "received": true, "concluded": true, "reference": "2025-004", "challenges": [], "clockStart": "2025-06-10", "conclusion": {"on": "2025-07-15", "kind": "answered", "items": ["disclosed"]}, "extensions": [], "lastFactOn": "2025-07-15", "receivedOn": "2025-06-10", "reopenedBy": [], "applicantType": "natural-person", "consultations": [{"end": "2025-06-30", "name": "样例诊所", "open": false, "party": "third-party", "start": "2025-06-12", "result": "consented"}], "clarifications": [], "firstConclusion": {"on": "2025-07-15", "kind": "answered", "items": ["disclosed"]}, "carriedOverYears": [], "extensionWorkingDays": 0}, "answer": {"on": "2025-07-15", "items": [{"outcome": "disclosed"}], "answerType": "provided"}, "subject": "卫生监督处罚决定书", "applicant": {"name": "王五", "type": "natural-person", "phone": "13800000002", "idNumber": "370102198502023456"}, "lastRecordedAt": "2026-03-16T02:00:00Z", "clarificationItems": []}', '2025-004', 'concluded', '2025-06-10', 'in-person', 'natural-person', '王五', NULL, 'disclosed', '2025-07-15', '卫生监督处罚决定书');
INSERT INTO rm.request_files VALUES ('fx-health', 'b0af57cc-4fac-5970-a53c-ca2b9b12fa62', 4, '{"state": {"fees": [{"on": "2025-07-10", "paidOn": "2025-07-20", "pending": false, "amountYuan": 100}], "status": "concluded", "channel": "in-person", "letters": [], "received": true, "concluded": true, "reference": "2025-005", "challenges": [], "clockStart": "2025-07-01", "conclusion": {"on": "2025-08-05", "kind": "answered", "items": ["disclosed"]}, "extensions": [], "lastFactOn": "2025-08-05", "receivedOn": "2025-07-01", "reopenedBy": [], "applicantType": "natural-person", "consultations": [], "clarifications": [], "firstConclusion": {"on": "2025-08-05", "kind": "answered", "items": ["disclosed"]}, "carriedOverYears": [], "extensionWorkingDays": 0}, "answer": {"on": "2025-08-05", "items": [{"outcome": "disclosed"}], "answerType": "provided"}, "subject": "历年医疗机构校验档案（大量复印）", "applicant": {"name": "赵六", "type": "natural-person", "phone": "13800000003", "idNumber": "370102197703034567"}, "feeNotice": {"on": "2025-07-10", "method": "stated", "amountYuan": 100}, "lastRecordedAt": "2026-03-16T02:00:00Z", "clarificationItems": []}', '2025-005', 'concluded', '2025-07-01', 'in-person', 'natural-person', '赵六', NULL, 'disclosed', '2025-08-05', '历年医疗机构校验档案（大量复印）');
INSERT INTO rm.request_files VALUES ('fx-health', '6e67b420-3fe9-5f4a-8304-0930a0c73e47', 3, '{"state": {"fees": [{"on": "2025-09-05", "pending": false, "lapsedOn": "2025-10-15", "amountYuan": 50}], "status": "concluded", "channel": "in-person", "letters": [], "received": true, "concluded": true, "reference": "2025-007", "challenges": [], "clockStart": "2025-09-01", "conclusion": {"on": "2025-10-15", "kind": "fee-lapsed", "items": ["other-fee-lapsed"]}, "extensions": [], "lastFactOn": "2025-10-15", "receivedOn": "2025-09-01", "reopenedBy": [], "applicantType": "other-org", "consultations": [], "clarifications": [], "firstConclusion": {"on": "2025-10-15", "kind": "fee-lapsed", "items": ["other-fee-lapsed"]}, "carriedOverYears": [], "extensionWorkingDays": 0}, "subject": "小区周边医疗废物处置记录", "applicant": {"name": "样例业主委员会", "type": "other-org", "phone": "0635-7654321"}, "feeNotice": {"on": "2025-09-05", "method": "stated", "amountYuan": 50}, "lastRecordedAt": "2026-03-16T02:00:00Z", "clarificationItems": []}', '2025-007', 'concluded', '2025-09-01', 'in-person', 'other-org', '样例业主委员会', NULL, 'other-fee-lapsed', '2025-10-15', '小区周边医疗废物处置记录');
INSERT INTO rm.request_files VALUES ('fx-health', '2d83bac2-e7ed-5c22-acc3-b5dd9e0afbe6', 2, '{"state": {"fees": [], "status": "open", "channel": "in-person", "letters": [], "received": true, "concluded": false, "reference": "2025-009", "challenges": [], "clockStart": "2025-12-22", "extensions": [], "lastFactOn": "2025-12-22", "receivedOn": "2025-12-22", "reopenedBy": [], "applicantType": "public-interest-org", "consultations": [], "clarifications": [], "carriedOverYears": [2025], "extensionWorkingDays": 0}, "subject": "基层医疗卫生机构财政补助", "applicant": {"name": "样例公益基金会", "type": "public-interest-org", "phone": "0635-1111111"}, "lastRecordedAt": "2026-03-16T02:00:00Z", "clarificationItems": []}', '2025-009', 'open', '2025-12-22', 'in-person', 'public-interest-org', '样例公益基金会', NULL, NULL, NULL, '基层医疗卫生机构财政补助');
INSERT INTO rm.request_files VALUES ('fx-health', '79568456-d159-542f-8bb1-69bb2fb2a141', 3, '{"state": {"fees": [], "status": "concluded", "channel": "in-person", "letters": [], "received": true, "concluded": true, "reference": "2025-008", "challenges": [], "clockStart": "2025-12-15", "conclusion": {"on": "2026-01-10", "kind": "answered", "items": ["unable-not-held"]}, "extensions": [], "lastFactOn": "2026-01-10", "receivedOn": "2025-12-15", "reopenedBy": [], "applicantType": "natural-person", "consultations": [], "clarifications": [], "firstConclusion": {"on": "2026-01-10", "kind": "answered", "items": ["unable-not-held"]}, "carriedOverYears": [2025], "extensionWorkingDays": 0}, "answer": {"on": "2026-01-10", "items": [{"outcome": "unable-not-held"}], "answerType": "does-not-exist"}, "subject": "2025年第四季度医疗纠纷调解统计", "applicant": {"name": "孙八", "type": "natural-person", "phone": "13800000005", "idNumber": "370102196604045678"}, "lastRecordedAt": "2026-03-16T02:00:00Z", "clarificationItems": []}', '2025-008', 'concluded', '2025-12-15', 'in-person', 'natural-person', '孙八', NULL, 'unable-not-held', '2026-01-10', '2025年第四季度医疗纠纷调解统计');
INSERT INTO rm.request_files VALUES ('fx-health', 'f7c907b6-8e4b-5367-8609-21398522c2d8', 4, '{"state": {"fees": [], "status": "open", "channel": "in-person", "letters": [], "officer": "wu.fang", "received": true, "concluded": false, "reference": "2026-004", "challenges": [], "clockStart": "2026-03-09", "extensions": [], "lastFactOn": "2026-03-12", "receivedOn": "2026-03-09", "reopenedBy": [], "applicantType": "natural-person", "consultations": [], "clarifications": [], "dueDateOverride": "2026-05-29", "carriedOverYears": [], "volumeDecisionOn": "2026-03-12", "extensionWorkingDays": 0, "volumeReasonsAskedOn": "2026-03-10"}, "subject": "近十年全部行政许可卷宗", "applicant": {"name": "冯十二", "type": "natural-person", "phone": "13800000008", "idNumber": "370102198807078901"}, "lastRecordedAt": "2026-03-16T02:00:00Z", "clarificationItems": []}', '2026-004', 'open', '2026-03-09', 'in-person', 'natural-person', '冯十二', 'wu.fang', NULL, NULL, '近十年全部行政许可卷宗');
INSERT INTO rm.request_files VALUES ('fx-health', '9f858558-a3c6-5360-a2df-e1438a65f3d7', 6, '{"state": {"fees": [], "status": "concluded", "channel": "in-person", "letters": [], "received": true, "concluded": true, "reference": "2025-010", "challenges": ["样复〔2025〕1号"], "clockStart": "2025-07-10", "conclusion": {"on": "2025-07-25", "kind": "answered", "items": ["disclosed"]}, "extensions": [], "lastFactOn": "2025-07-25", "receivedOn": "2025-04-01", "reopenedBy": ["样复〔2025〕1号"], "applicantType": "natural-person", "consultations": [], "clarifications": [], "firstConclusion": {"on": "2025-04-25", "kind": "answered", "items": ["refused-process-information"]}, "carriedOverYears": [], "answerDeliveredOn": "2025-07-28", "extensionWorkingDays": 0, "orderedPeriodWorkingDays": 15}, "answer": {"on": "2025-07-25", "items": [{"outcome": "disclosed"}], "answerType": "provided"}, "subject": "某医院改扩建项目审批材料", "applicant": {"name": "周九", "type": "natural-person", "phone": "13800000006", "idNumber": "370102195505056789"}, "lastRecordedAt": "2026-03-16T02:00:00Z", "clarificationItems": []}', '2025-010', 'concluded', '2025-04-01', 'in-person', 'natural-person', '周九', NULL, 'disclosed', '2025-07-25', '某医院改扩建项目审批材料');
INSERT INTO rm.request_files VALUES ('fx-health', '8f338e25-ac8d-58b8-bfe0-bf2f384c6d90', 3, '{"state": {"fees": [], "status": "concluded", "channel": "in-person", "letters": [], "received": true, "concluded": true, "reference": "2026-001", "challenges": [], "clockStart": "2026-01-05", "conclusion": {"on": "2026-02-01", "kind": "answered", "items": ["disclosed"]}, "extensions": [], "lastFactOn": "2026-02-01", "receivedOn": "2026-01-05", "reopenedBy": [], "applicantType": "natural-person", "consultations": [], "clarifications": [], "firstConclusion": {"on": "2026-02-01", "kind": "answered", "items": ["disclosed"]}, "carriedOverYears": [], "answerDeliveredOn": "2026-02-03", "extensionWorkingDays": 0}, "answer": {"on": "2026-02-01", "items": [{"outcome": "disclosed"}], "answerType": "provided"}, "subject": "2025年度法定传染病疫情", "applicant": {"name": "吴十", "type": "natural-person", "phone": "13800000007", "idNumber": "370102199906067890"}, "lastRecordedAt": "2026-03-16T02:00:00Z", "clarificationItems": []}', '2026-001', 'concluded', '2026-01-05', 'in-person', 'natural-person', '吴十', NULL, 'disclosed', '2026-02-01', '2025年度法定传染病疫情');
INSERT INTO rm.request_files VALUES ('fx-health', '616c6a7d-dc01-5277-997b-27d1f9d27db8', 1, '{"state": {"fees": [], "status": "open", "channel": "online", "letters": [], "received": true, "concluded": false, "reference": "2026-002", "challenges": [], "clockStart": "2026-02-20", "extensions": [], "lastFactOn": "2026-02-20", "receivedOn": "2026-02-20", "reopenedBy": [], "applicantType": "legal-service-org", "consultations": [], "clarifications": [], "carriedOverYears": [], "extensionWorkingDays": 0}, "subject": "医疗事故技术鉴定程序规定", "applicant": {"name": "样例律师事务所", "type": "legal-service-org", "phone": "0635-2222222"}, "confirmedOn": "2026-02-20", "lastRecordedAt": "2026-03-16T02:00:00Z", "clarificationItems": []}', '2026-002', 'open', '2026-02-20', 'online', 'legal-service-org', '样例律师事务所', NULL, NULL, NULL, '医疗事故技术鉴定程序规定');
INSERT INTO rm.request_files VALUES ('fx-gov', '63e0f7ec-40d3-59be-895c-f2323a9cd1ca', 2, '{"state": {"fees": [], "status": "concluded", "channel": "in-person", "letters": [], "received": true, "concluded": true, "reference": "2026-001", "challenges": [], "clockStart": "2026-01-12", "conclusion": {"on": "2026-02-05", "kind": "answered", "items": ["not-processed-repeat"]}, "extensions": [], "lastFactOn": "2026-02-05", "receivedOn": "2026-01-12", "reopenedBy": [], "applicantType": "public-interest-org", "consultations": [], "clarifications": [], "firstConclusion": {"on": "2026-02-05", "kind": "answered", "items": ["not-processed-repeat"]}, "carriedOverYears": [], "extensionWorkingDays": 0}, "answer": {"on": "2026-02-05", "items": [{"outcome": "not-processed-repeat"}], "answerType": "repeat-request"}, "subject": "2025年政府工作报告附件", "applicant": {"name": "样例环保协会", "type": "public-interest-org", "phone": "0635-3333333"}, "lastRecordedAt": "2026-03-16T02:00:00Z", "clarificationItems": []}', '2026-001', 'concluded', '2026-01-12', 'in-person', 'public-interest-org', '样例环保协会', NULL, 'not-processed-repeat', '2026-02-05', '2025年政府工作报告附件');
INSERT INTO rm.request_files VALUES ('fx-health', 'daf289d9-5a68-592c-904a-4f51ed7c5c1c', 2, '{"state": {"fees": [], "status": "open", "channel": "ordinary-mail", "letters": [{"on": "2026-03-10", "hash": "fc84e9f03ac06a61d3fa16abcb65cf122a707fe29944019f65509cb7ff5a276a", "kind": "receipt", "method": "邮寄", "deliveredOn": "2026-03-12", "templateVersion": 1}], "received": true, "concluded": false, "reference": "2026-003", "challenges": [], "clockStart": "2026-03-03", "extensions": [], "lastFactOn": "2026-03-03", "receivedOn": "2026-03-03", "reopenedBy": [], "applicantType": "natural-person", "consultations": [], "clarifications": [], "carriedOverYears": [], "extensionWorkingDays": 0}, "subject": "医疗机构不良事件通报", "applicant": {"name": "郑十一", "type": "natural-person", "address": "样例市东路2号"}, "arrivedOn": "2026-03-02", "confirmedOn": "2026-03-03", "lastRecordedAt": "2026-03-16T02:00:00Z", "clarificationItems": []}', '2026-003', 'open', '2026-03-03', 'ordinary-mail', 'natural-person', '郑十一', NULL, NULL, NULL, '医疗机构不良事件通报');
INSERT INTO rm.request_files VALUES ('fx-health', '5065eb3a-ab64-5962-b822-35e8abcf782d', 6, '{"state": {"fees": [], "status": "concluded", "channel": "online", "letters": [{"on": "2025-04-20", "hash": "a73f412f5bf145108a29e62bbee6ca16d6adfab8035d9da984e5ea61a493e76e", "kind": "answer", "method": "电子邮件", "deliveredOn": "2025-04-21", "templateVersion": 0}], "received": true, "concluded": true, "reference": "2025-002", "challenges": [], "clockStart": "2025-04-01", "conclusion": {"on": "2025-04-18", "kind": "answered", "items": ["disclosed", "refused-internal-affairs"]}, "extensions": [], "lastFactOn": "2025-04-18", "receivedOn": "2025-03-20", "reopenedBy": [], "applicantType": "commercial-enterprise", "consultations": [], "clarifications": [{"on": "2025-03-25", "pending": false, "replyBy": "2025-04-08", "correctedOn": "2025-04-01"}], "firstConclusion": {"on": "2025-04-18", "kind": "answered", "items": ["disclosed", "refused-internal-affairs"]}, "carriedOverYears": [], "answerDeliveredOn": "2025-04-21", "extensionWorkingDays": 0}, "answer": {"on": "2025-04-18", "items": [{"outcome": "disclosed", "subject": "2024年经费总额"}, {"outcome": "refused-internal-affairs", "subject": "经费明细"}], "answerType": "provided"}, "subject": "传染病防控经费使用情况", "applicant": {"name": "样例商贸有限公司", "type": "commercial-enterprise", "agent": {"name": "李四", "type": "employee"}, "phone": "0635-1234567"}, "confirmedOn": "2025-03-20", "lastRecordedAt": "2026-03-16T02:00:00Z", "clarificationItems": ["请明确所需信息的年度", "请补充联系地址"]}', '2025-002', 'concluded', '2025-03-20', 'online', 'commercial-enterprise', '样例商贸有限公司', NULL, 'partially-disclosed', '2025-04-18', '传染病防控经费使用情况');


--
-- Name: notifications_id_seq; Type: SEQUENCE SET; Schema: cf; Owner: -
--

SELECT pg_catalog.setval('cf.notifications_id_seq', 3, true);


--
-- Name: events_seq; Type: SEQUENCE SET; Schema: es; Owner: -
--

SELECT pg_catalog.setval('es.events_seq', 64, true);


--
-- Name: calendar_years calendar_years_pkey; Type: CONSTRAINT; Schema: cf; Owner: -
--

ALTER TABLE ONLY cf.calendar_years
    ADD CONSTRAINT calendar_years_pkey PRIMARY KEY (year);


--
-- Name: letter_templates letter_templates_pkey; Type: CONSTRAINT; Schema: cf; Owner: -
--

ALTER TABLE ONLY cf.letter_templates
    ADD CONSTRAINT letter_templates_pkey PRIMARY KEY (agency, template, version);


--
-- Name: notifications notifications_pkey; Type: CONSTRAINT; Schema: cf; Owner: -
--

ALTER TABLE ONLY cf.notifications
    ADD CONSTRAINT notifications_pkey PRIMARY KEY (id);


--
-- Name: notifications notifications_user_name_dedup_key_key; Type: CONSTRAINT; Schema: cf; Owner: -
--

ALTER TABLE ONLY cf.notifications
    ADD CONSTRAINT notifications_user_name_dedup_key_key UNIQUE (user_name, dedup_key);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: cf; Owner: -
--

ALTER TABLE ONLY cf.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (user_name);


--
-- Name: commands commands_pkey; Type: CONSTRAINT; Schema: es; Owner: -
--

ALTER TABLE ONLY es.commands
    ADD CONSTRAINT commands_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: dead_letters dead_letters_pkey; Type: CONSTRAINT; Schema: es; Owner: -
--

ALTER TABLE ONLY es.dead_letters
    ADD CONSTRAINT dead_letters_pkey PRIMARY KEY (projection, tenant_id, seq);


--
-- Name: events events_pkey; Type: CONSTRAINT; Schema: es; Owner: -
--

ALTER TABLE ONLY es.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (tenant_id, stream_id, version);


--
-- Name: jobs jobs_pkey; Type: CONSTRAINT; Schema: es; Owner: -
--

ALTER TABLE ONLY es.jobs
    ADD CONSTRAINT jobs_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: progress progress_pkey; Type: CONSTRAINT; Schema: es; Owner: -
--

ALTER TABLE ONLY es.progress
    ADD CONSTRAINT progress_pkey PRIMARY KEY (name);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: es; Owner: -
--

ALTER TABLE ONLY es.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (module, version);


--
-- Name: streams streams_pkey; Type: CONSTRAINT; Schema: es; Owner: -
--

ALTER TABLE ONLY es.streams
    ADD CONSTRAINT streams_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: agencies agencies_pkey; Type: CONSTRAINT; Schema: rm; Owner: -
--

ALTER TABLE ONLY rm.agencies
    ADD CONSTRAINT agencies_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: annual_reports annual_reports_pkey; Type: CONSTRAINT; Schema: rm; Owner: -
--

ALTER TABLE ONLY rm.annual_reports
    ADD CONSTRAINT annual_reports_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: disclosure_stats disclosure_stats_pkey; Type: CONSTRAINT; Schema: rm; Owner: -
--

ALTER TABLE ONLY rm.disclosure_stats
    ADD CONSTRAINT disclosure_stats_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: report_cases report_cases_pkey; Type: CONSTRAINT; Schema: rm; Owner: -
--

ALTER TABLE ONLY rm.report_cases
    ADD CONSTRAINT report_cases_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: report_requests report_requests_pkey; Type: CONSTRAINT; Schema: rm; Owner: -
--

ALTER TABLE ONLY rm.report_requests
    ADD CONSTRAINT report_requests_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: request_files request_files_pkey; Type: CONSTRAINT; Schema: rm; Owner: -
--

ALTER TABLE ONLY rm.request_files
    ADD CONSTRAINT request_files_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: notifications_unread; Type: INDEX; Schema: cf; Owner: -
--

CREATE INDEX notifications_unread ON cf.notifications USING btree (user_name, created_at DESC) WHERE (read_at IS NULL);


--
-- Name: users_agency; Type: INDEX; Schema: cf; Owner: -
--

CREATE INDEX users_agency ON cf.users USING btree (agency);


--
-- Name: events_log_order; Type: INDEX; Schema: es; Owner: -
--

CREATE INDEX events_log_order ON es.events USING btree (tx_id, seq);


--
-- Name: jobs_dedup; Type: INDEX; Schema: es; Owner: -
--

CREATE UNIQUE INDEX jobs_dedup ON es.jobs USING btree (tenant_id, dedup_key) WHERE (dedup_key IS NOT NULL);


--
-- Name: jobs_pending_due; Type: INDEX; Schema: es; Owner: -
--

CREATE INDEX jobs_pending_due ON es.jobs USING btree (due_at) WHERE (status = 'pending'::text);


--
-- Name: jobs_running_lease; Type: INDEX; Schema: es; Owner: -
--

CREATE INDEX jobs_running_lease ON es.jobs USING btree (locked_until) WHERE (status = 'running'::text);


--
-- Name: agencies_code_idx; Type: INDEX; Schema: rm; Owner: -
--

CREATE UNIQUE INDEX agencies_code_idx ON rm.agencies USING btree (code);


--
-- Name: agencies_parent_idx; Type: INDEX; Schema: rm; Owner: -
--

CREATE INDEX agencies_parent_idx ON rm.agencies USING btree (parent);


--
-- Name: report_cases_tenant_id_concluded_on_idx; Type: INDEX; Schema: rm; Owner: -
--

CREATE INDEX report_cases_tenant_id_concluded_on_idx ON rm.report_cases USING btree (tenant_id, concluded_on);


--
-- Name: report_cases_tenant_id_filed_on_idx; Type: INDEX; Schema: rm; Owner: -
--

CREATE INDEX report_cases_tenant_id_filed_on_idx ON rm.report_cases USING btree (tenant_id, filed_on);


--
-- Name: report_requests_tenant_id_concluded_on_idx; Type: INDEX; Schema: rm; Owner: -
--

CREATE INDEX report_requests_tenant_id_concluded_on_idx ON rm.report_requests USING btree (tenant_id, concluded_on);


--
-- Name: report_requests_tenant_id_received_on_idx; Type: INDEX; Schema: rm; Owner: -
--

CREATE INDEX report_requests_tenant_id_received_on_idx ON rm.report_requests USING btree (tenant_id, received_on);


--
-- Name: request_files_tenant_id_reference_idx; Type: INDEX; Schema: rm; Owner: -
--

CREATE UNIQUE INDEX request_files_tenant_id_reference_idx ON rm.request_files USING btree (tenant_id, reference);


--
-- Name: request_files_tenant_id_status_received_on_idx; Type: INDEX; Schema: rm; Owner: -
--

CREATE INDEX request_files_tenant_id_status_received_on_idx ON rm.request_files USING btree (tenant_id, status, received_on);


--
-- PostgreSQL database dump complete
--


