variable "bucket" {}

resource "aws_s3_bucket" "this" {
  bucket = var.bucket
}

output "id" {
  value = aws_s3_bucket.this.id
}
