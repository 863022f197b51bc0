"""Terraform: HCL and .tf.json syntax, evaluation of modules, native resources."""
