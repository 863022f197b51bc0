provider "aws" {
  region = var.region
  default_tags {
    tags = {
      Owner = var.owner
    }
  }
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
  default_tags {
    tags = {
      Team = "west"
    }
  }
}

locals {
  name   = "${local.prefix}-${var.env}"
  prefix = "app"
  loop_a = local.loop_b
  loop_b = local.loop_a
}

resource "aws_s3_bucket" "logs" {
  bucket = "${local.name}-logs"
  tags = {
    Env = var.env
  }

  versioning {
    enabled = true
  }
}

resource "aws_s3_bucket" "counted" {
  count  = var.replicas
  bucket = "counted-${count.index}"
  acl    = local.loop_a
}

resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.logs.bucket
  policy = data.aws_iam_policy_document.doc.json
}

resource "aws_security_group" "sg" {
  name = "sg-${var.from_cli["k"]}"

  dynamic "ingress" {
    for_each = { ssh = 22, https = 443 }
    iterator = rule
    content {
      from_port   = rule.value
      to_port     = rule.value
      description = rule.key
    }
  }

  egress {
    from_port = 0
  }
}

data "aws_availability_zones" "az" {}

resource "aws_instance" "maybe" {
  count         = length(data.aws_availability_zones.az.names)
  ami           = "ami-${count.index}"
  instance_type = "t3.micro"
}

module "buckets" {
  source    = "./modules/bucket"
  for_each  = var.buckets
  name      = "${local.name}-${each.key}"
  versioned = each.value.versioned
  copies    = 2
  providers = {
    aws = aws.west
  }
}

module "remote_ok" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.0.0"
  bucket  = "downloaded"
}

module "remote_missing" {
  source = "git::https://example.com/vpc.git"
}

resource "aws_s3_bucket" "uses_outputs" {
  bucket = module.buckets["a"].first_name
  tags = {
    Id      = module.buckets["b"].first_arn
    Label   = module.buckets["a"].label
    Remote  = module.remote_missing.vpc_id
    Time    = timestamp()
  }
  force_destroy = 1 / 0
  policy = templatefile("${path.module}/files/policy.tpl", { bucket = local.name, actions = ["s3:GetObject", "s3:PutObject"] })
}
