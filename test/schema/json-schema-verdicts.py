"""Reference verdicts for test/schema/columnar-json-schema.test.ts: validates each case against the schema
with Python jsonschema's Draft202012Validator and prints {case name: valid} as JSON.
Run: npx tsx test/schema/json-schema-cases.ts | /usr/bin/python3 test/schema/json-schema-verdicts.py
(Debian python3-jsonschema)."""
import json
import sys
from importlib.metadata import version

import jsonschema

doc = json.load(sys.stdin)
validator = jsonschema.Draft202012Validator(doc["schema"])
jsonschema.Draft202012Validator.check_schema(doc["schema"])
print("jsonschema", version("jsonschema"), file=sys.stderr)
print(json.dumps({name: validator.is_valid(case) for name, case in doc["cases"].items()}, indent=2))
