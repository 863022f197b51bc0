"""Turn evaluated module instances into NativeResources (own resources first, in file
order, then each module call's instances in declaration order)."""

from __future__ import annotations

from collections.abc import Iterator

from govern.parsers.native import NativeResource
from govern.parsers.terraform.instance import ModuleInstance
from govern.parsers.terraform.resource_instance import ResourceInstance


def emit_module(instance: ModuleInstance) -> Iterator[NativeResource]:
    for local in instance.module.resources:
        _expansion, resources = instance.resource_instances(local)
        for resource in resources:
            yield native_resource(resource)
    for name in instance.module.calls:
        for child in instance.call(name).instances.values():
            yield from emit_module(child)


def native_resource(resource: ResourceInstance) -> NativeResource:
    owner = resource.owner
    attributes, locations, refs = resource.values.evaluate_all()
    refs |= resource.expansion_refs
    refs.discard(resource.address)
    provider = owner.provider_for(resource.decl)
    provider_values = None
    provider_range = None
    if provider is not None:
        provider_values, provider_range = provider.owner.provider_config(provider.key)
    return NativeResource(
        format="terraform",
        native_type=resource.decl.type,
        address=resource.address,
        range=resource.range,
        attributes=attributes,
        locations=locations,
        references=sorted(refs),
        mode=resource.decl.mode,
        provider=provider_values,
        provider_range=provider_range,
        module=owner.prefix,
        root=owner.root.root_dir,
    )
