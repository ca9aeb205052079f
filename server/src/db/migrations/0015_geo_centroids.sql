-- A point for every state, PC, AC and district that has a shipped shape (server/data/centroids.json,
-- filled by the geography seed): the area-weighted centroid, or a point inside the shape when the
-- centroid falls outside it. Tours measure distances between stops with it. Null: no shape.
alter table geo_area add column lat double precision;
alter table geo_area add column lon double precision;
alter table geo_area add constraint geo_area_point_check
  check ((lat is null) = (lon is null) and (lat is null or (lat between -90 and 90 and lon between -180 and 180)));
