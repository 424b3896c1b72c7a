"""Maps the top-level `resources/` folder into the package as `stepfun_studio.resources`.

pyproject.toml cannot combine package discovery with a package that lives outside its parent's
folder, so this one mapping lives here; everything else is in pyproject.toml.
"""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["stepfun_studio", "stepfun_studio.*"]),
        "stepfun_studio.resources",
    ],
    package_dir={"stepfun_studio.resources": "resources"},
)
