"""The analyze corpus comparison as a Spark job, with the analyze binary unchanged.

    spark-submit scripts/spark/analyze_job.py --bin PATH/analyze --out report.json [--partitions N] CORPUS...

Steps (every one runs the same `analyze` binary through RDD.pipe, except the
small grouping pass, which runs once on the driver):

1. `analyze map --step list CORPUS...` on the driver: one `file` line per
   article file (and the walk's warnings).
2. The file lines are spread over N partitions and piped through
   `analyze map --step records -`: one `record` line per article.
3. The records are piped through `analyze map --step group -` in one
   partition: the global line, one `story` line per story and the `keys` of
   each article. It keeps only each record's sketch, names and dates (a few
   hundred bytes per article), so it scales with the number of articles, not
   their text.
4. Each record is joined with its keys (a broadcast table) into an `article`
   line under its story key; with the story and global lines, the pairs are
   partitioned by key and sorted within partitions
   (repartitionAndSortWithinPartitions: the Hadoop Streaming contract) and
   piped through `analyze reduce --partial -`, one story at a time.
5. `analyze merge` puts the parts together into the report, byte for byte
   the report of `analyze --format json CORPUS...`.

All files must be readable at the same paths from every executor (a shared
or network file system); the article ids are the paths as listed.
"""

import argparse
import json
import os
import subprocess
import sys
import zlib


def story_key(index):
    return "s%08d" % (index + 1)


def split(line):
    key, _, rest = line.partition("\t")
    return key, rest


def run(cmd, stdin_text=None):
    out = subprocess.run(cmd, input=stdin_text, capture_output=True, text=True)
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        raise SystemExit("%s failed with exit %d" % (" ".join(cmd), out.returncode))
    return out.stdout


def by_key(key):
    # Deterministic across Python processes (the built-in hash of a str is not).
    return zlib.crc32(key.encode("utf-8"))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", required=True, help="the analyze binary (same path on every executor)")
    ap.add_argument("--out", required=True, help="where to write the JSON report")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--master", default=None, help="Spark master (default: spark-submit's, else local[2])")
    ap.add_argument("corpus", nargs="+")
    args = ap.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("analyze")
    if args.master or not os.environ.get("SPARK_MASTER"):
        builder = builder.master(args.master or "local[2]")
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    binary = os.path.abspath(args.bin)
    n = max(1, args.partitions)
    try:
        # 1. list on the driver
        listed = run([binary, "map", "--step", "list"] + args.corpus).splitlines()
        # 2. extract on the executors
        records = sc.parallelize(listed, n).pipe(binary + " map -q --step records -").cache()
        # 3. group in one partition
        grouped = records.coalesce(1).pipe(binary + " map -q --step group -").collect()
        keys = {}
        keyed = []
        for line in grouped:
            key, rest = split(line)
            if rest.startswith('{"keys":'):
                k = rest[len('{"keys":'):-1]
                keys[key] = (story_key(json.loads(k)["story"]), k)
            else:
                keyed.append((key, line))
        table = sc.broadcast(keys)

        # 4. join, partition by story key, sort within partitions, reduce
        def article_line(line):
            key, rest = split(line)
            if not rest.startswith('{"record":'):
                return []  # skipped files are in the global line already
            hit = table.value.get(key)
            if hit is None:
                return []  # left out by --since/--until in the grouping pass
            story, k = hit
            record = rest[len('{"record":'):-1]
            return [(story, story + '\t{"article":{"keys":' + k + ',"record":' + record + "}}")]

        articles = records.flatMap(article_line)
        lines = articles.union(sc.parallelize(keyed, 1))
        parts = (
            lines.repartitionAndSortWithinPartitions(n, partitionFunc=by_key, keyfunc=lambda k: k)
            .map(lambda kv: kv[1])
            .pipe(binary + " reduce -q --partial -")
            .collect()
        )
    finally:
        spark.stop()
    # 5. merge
    report = run([binary, "merge", "-q", "--format", "json", "-o", args.out, "-"], "\n".join(parts) + "\n")
    sys.stdout.write(report)


if __name__ == "__main__":
    main()
