variable "env" {
  type    = string
  default = "dev"
}

variable "region" {
  default = "us-east-1"
}

variable "owner" {
  type = string
}

variable "replicas" {
  type    = number
  default = 1
}

variable "from_cli" {
  type    = map(string)
  default = {}
}

variable "buckets" {
  type = map(object({
    versioned = optional(bool, false)
    suffix    = optional(string)
  }))
  default = {
    a = { versioned = true }
    b = {}
  }
}
