"""Reads fact files (YAML) into plain dicts while keeping the file and line of every fact and field."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent / "data"
# Rule files live beside the fact files but hold no facts.
NON_FACT_FILES = {"rules.yaml"}


class FactFileError(ValueError):
    """A fact file that cannot be read or is invalid; the message names the file and line."""

    def __init__(self, path: str | Path, line: int | None, message: str):

        """Keep where the error is, and a message that names it."""
        self.path, self.line, self.message = str(path), line, message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


@dataclass
class LoadedFact:
    """One fact as read from a file, with where it came from (for error messages and provenance)."""

    data: dict
    path: str
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        """The line of one field, or of the fact itself when the field is absent."""
        return self.key_lines.get(key, self.line)


def _plain(node: yaml.Node):
    """A YAML node as plain Python; dates stay strings so the validator can report bad ones by line."""
    if isinstance(node, yaml.MappingNode):
        return {str(_plain(k)): _plain(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_plain(v) for v in node.value]
    tag, value = node.tag, node.value
    if tag.endswith(":null"):
        return None
    if tag.endswith(":bool"):
        return value.lower() in ("true", "yes", "on")
    if tag.endswith(":int"):
        try:
            return int(value)
        except ValueError:
            return value
    if tag.endswith(":float"):
        try:
            return float(value)
        except ValueError:
            return value
    return value


def compose_file(path: str | Path) -> yaml.Node:
    """Parse a YAML file to its node tree (keeps line marks); syntax errors name file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FactFileError(path, None, f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise FactFileError(path, None, "not UTF-8 text") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FactFileError(path, line, f"YAML syntax error: {problem}") from None
    if node is None:
        raise FactFileError(path, 1, "empty file")
    return node


def read_fact_file(path: str | Path) -> tuple[dict, list[LoadedFact]]:
    """The file's header (schema_version ...) and its facts, each with its line numbers."""
    root = compose_file(path)
    if not isinstance(root, yaml.MappingNode):
        raise FactFileError(path, root.start_mark.line + 1, "a fact file must be a mapping with 'facts:'")
    header, facts_node = {}, None
    for key, value in root.value:
        if key.value == "facts":
            facts_node = value
        else:
            header[key.value] = _plain(value)
            header.setdefault("_lines", {})[key.value] = key.start_mark.line + 1
    if facts_node is None:
        raise FactFileError(path, 1, "missing 'facts:' list")
    if not isinstance(facts_node, yaml.SequenceNode):
        raise FactFileError(path, facts_node.start_mark.line + 1, "'facts:' must be a list")
    loaded = []
    for item in facts_node.value:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            raise FactFileError(path, line, "each fact must be a mapping of fields")
        key_lines = {str(k.value): k.start_mark.line + 1 for k, _ in item.value}
        loaded.append(LoadedFact(_plain(item), str(path), line, key_lines))
    return header, loaded


def fact_files(paths: list[str | Path] | None = None) -> list[Path]:
    """The fact files to read: the given files and folders, or the bundled facts/data folder."""
    targets = [Path(p) for p in paths] if paths else [DATA_DIR]
    out: list[Path] = []
    for target in targets:
        if target.is_dir():
            out += sorted(p for p in target.glob("*.yaml") if p.name not in NON_FACT_FILES)
        elif target.exists():
            out.append(target)
        else:
            raise FactFileError(target, None, "no such file or folder")
    return out


def read_yaml_data(name: str) -> dict:
    """A bundled rule or vocabulary file from facts/data, as plain Python."""
    return _plain(compose_file(DATA_DIR / name))
