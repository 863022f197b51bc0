variable "name" {
  type = string
}

variable "versioned" {
  type = bool
}

variable "copies" {
  type = number
}

module "label" {
  source = "../label"
  name   = var.name
}

resource "aws_s3_bucket" "b" {
  count  = var.copies
  bucket = "${var.name}-${count.index}"
  tags = {
    Label = module.label.id
  }

  versioning {
    enabled = var.versioned
  }
}
