"""Terraform plan JSON (`terraform show -json PLANFILE`, format 1.x)."""

from govern.parsers.tfplan.parser import parse_tfplan

__all__ = ["parse_tfplan"]
