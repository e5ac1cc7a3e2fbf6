"""What every workforce service shares."""


def fill(obj, data: dict, allowed: tuple[str, ...], check=None) -> None:
    """Set `data` on `obj`, run the business `check`, then the model's own validation."""
    unknown = set(data) - set(allowed)
    if unknown:
        raise TypeError(f"unexpected fields: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        setattr(obj, name, value)
    if check is not None:
        check(obj)
    obj.full_clean()
