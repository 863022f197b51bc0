"""AWS database parameter groups whose settings rules judge: DocumentDB cluster parameter
groups, Redshift cluster parameter groups, and RDS/Aurora DB and DB cluster parameter
groups."""

from __future__ import annotations

from govern.kinds.declare import Kind, aws, mapping, string

_PARAMETERS_DOC = (
    "The parameters the group sets, name -> value as a string: Terraform `parameter` "
    "blocks (`name`, `value`), {cfn}; live, the parameters {live} returns with a value "
    "(the engine's defaults included). Dots and spaces in a name become `_` "
    "(`rds.force_ssl` -> `rds_force_ssl`), as rule paths are dotted. A parameter not in "
    "the map has the engine's default. Unknown as a whole when a parameter's name is not "
    "known statically.")


def _rds_group(kind: str, description: str, cfn_name: str, families: str,
               live: str) -> Kind:
    """An RDS or Aurora parameter group: Terraform `aws_db_parameter_group` /
    `aws_rds_cluster_parameter_group`, CloudFormation `Parameters` a JSON object."""
    return aws(kind, description,
               string("name", "The group's name: Terraform `name` (absent with "
                      f"`name_prefix` or when generated), CloudFormation `{cfn_name}`."),
               string("family", f"The engine family ({families}, ...): Terraform "
                      "`family`, CloudFormation `Family`."),
               mapping("parameters", _PARAMETERS_DOC.format(
                   cfn="CloudFormation `Parameters` (a JSON object)", live=live)))


KINDS = (
    aws("aws.docdb.cluster_parameter_group", "DocumentDB cluster parameter group",
        string("name", "The group's name: Terraform `name` (absent with `name_prefix` or "
               "when generated), CloudFormation `Name`."),
        string("family", "The engine family (`docdb5.0`, ...): Terraform `family`, "
               "CloudFormation `Family`."),
        mapping("parameters", _PARAMETERS_DOC.format(
            cfn="CloudFormation `Parameters` (a JSON object)",
            live="DescribeDBClusterParameters"))),
    aws("aws.redshift.parameter_group", "Redshift cluster parameter group",
        string("name", "The group's name: Terraform `name`, CloudFormation "
               "`ParameterGroupName` (absent when generated)."),
        string("family", "The engine family (`redshift-1.0`): Terraform `family`, "
               "CloudFormation `ParameterGroupFamily`."),
        mapping("parameters", _PARAMETERS_DOC.format(
            cfn="CloudFormation `Parameters` (a list of `ParameterName`/`ParameterValue`)",
            live="DescribeClusterParameters"))),
    _rds_group("aws.rds.db_parameter_group",
               "RDS DB parameter group (the settings of DB instances)",
               "DBParameterGroupName", "`postgres16`, `mysql8.0`, `sqlserver-se-16.0`",
               "DescribeDBParameters"),
    _rds_group("aws.rds.cluster_parameter_group",
               "RDS DB cluster parameter group (the settings of Aurora and Multi-AZ DB "
               "clusters)", "DBClusterParameterGroupName",
               "`aurora-postgresql16`, `aurora-mysql8.0`, `postgres16`, `mysql8.0`",
               "DescribeDBClusterParameters"),
)
