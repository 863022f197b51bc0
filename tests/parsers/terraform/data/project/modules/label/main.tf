variable "name" {
  type = string
}

output "id" {
  value = upper(var.name)
}
