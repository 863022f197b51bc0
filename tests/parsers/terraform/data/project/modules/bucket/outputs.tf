output "first_name" {
  value = aws_s3_bucket.b[0].bucket
}

output "first_arn" {
  value = aws_s3_bucket.b[0].arn
}

output "label" {
  value = module.label.id
}
