-- One database per service, owned by the role the services log in with (POSTGRES_USER), which also
-- owns the `ampacds` database (POSTGRES_DB). Run once, by the postgres image on an empty volume;
-- k8s/base/postgres-init.yaml carries the same text for the StatefulSet.
CREATE DATABASE ampacds_intake;
CREATE DATABASE ampacds_quantification;
CREATE DATABASE ampacds_prediction;
CREATE DATABASE ampacds_reporting;
