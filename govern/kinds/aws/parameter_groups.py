"""AWS database parameter groups whose settings rules judge: DocumentDB cluster parameter
groups and Redshift cluster parameter groups."""

from __future__ import annotations

from govern.kinds.declare import aws, mapping, string

_PARAMETERS_DOC = (
    "The parameters the group sets, name -> value as a string: Terraform `parameter` "
    "blocks (`name`, `value`), {cfn}; live, the parameters {live} returns with a value "
    "(the engine's defaults included). A parameter not in the map has the engine's "
    "default. Unknown as a whole when a parameter's name is not known statically.")

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
)
