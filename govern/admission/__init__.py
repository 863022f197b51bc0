"""Admission: judge one proposed change (a Terraform plan, a CloudFormation or ARM
template), alone or merged onto a saved live inventory, and answer allow, warn or deny.

- `policy`: which rules are mandatory and which advisory (the `admission` config key).
- `identity`: the live ARN a proposed resource stands for, and the live parents a plan's
  folded resources name.
- `merge`: the account as it would be after the change, and what the change touches.
- `decide`: the `Admitter` (rules loaded once) and the decision document.
- `server`: `govern serve`, the HTTP API over the same `Admitter`.
"""
