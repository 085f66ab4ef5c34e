-- The floor for bench/queries/alliance-list.graphql: the same response body, built by PostgreSQL
-- in one statement. $1 = first, $2 = today (the service's "current" means ongoing on that day).
SELECT json_build_object('data', json_build_object('alliances', json_build_object(
  'totalCount', (SELECT count(*) FROM alliance WHERE archived_at IS NULL),
  'edges', coalesce((
    SELECT json_agg(json_build_object('node', page.node) ORDER BY page.sort_name COLLATE "de-x-icu", page.id)
    FROM (
      SELECT a.name AS sort_name, a.id, json_build_object(
        'id', a.id, 'name', a.name, 'level', a.level,
        'lead', (
          SELECT json_build_object('id', o.id, 'name', o.name)
          FROM membership m JOIN organisation o ON o.id = m.organisation_id
          WHERE m.alliance_id = a.id AND m.role = 'LEAD'
            AND (m.joined_on IS NULL OR m.joined_on <= $2::date) AND (m.left_on IS NULL OR m.left_on > $2::date)
          ORDER BY m.joined_on NULLS FIRST, m.id LIMIT 1),
        'memberships', coalesce((
          SELECT json_agg(json_build_object(
            'role', m.role, 'joinedOn', m.joined_on,
            'organisation', json_build_object('id', o.id, 'name', o.name, 'kind', o.kind,
              'roles', coalesce((
                SELECT json_agg(json_build_object('title', r.title,
                  'person', json_build_object('id', p.id, 'givenName', p.given_name, 'familyName', p.family_name))
                  ORDER BY r.valid_from NULLS FIRST, r.title, r.id)
                FROM role r JOIN person p ON p.id = r.person_id
                WHERE r.organisation_id = o.id
                  AND (r.valid_from IS NULL OR r.valid_from <= $2::date) AND (r.valid_to IS NULL OR r.valid_to > $2::date)
              ), '[]'::json)))
            ORDER BY m.role, m.joined_on NULLS FIRST, m.id)
          FROM membership m JOIN organisation o ON o.id = m.organisation_id
          WHERE m.alliance_id = a.id
            AND (m.joined_on IS NULL OR m.joined_on <= $2::date) AND (m.left_on IS NULL OR m.left_on > $2::date)
        ), '[]'::json)
      ) AS node
      FROM alliance a
      WHERE a.archived_at IS NULL
      ORDER BY a.name COLLATE "de-x-icu", a.id
      LIMIT $1
    ) page
  ), '[]'::json)
)))::text AS body
