env      = "tfvars"
owner    = "team-a"
replicas = 2
