#!/usr/bin/env python3
"""An independent MCP client (the official Python SDK) driving `clearance mcp` over stdio.

Usage: client.py SCENARIO   with CLEARANCE_BIN, CLEARANCE_REPO_DIR and the agent's
CLEARANCE_KEY_FILE in the environment; prints one JSON document of what it saw.

Scenarios:
  tour        initialize, list tools and resources, read the schema, propose a valid intent,
              propose a broken one, check, explain, status, list, blast, graph_services
  wait        propose, then wait while another process approves (APPROVE_CMD, a JSON argv)
  concurrent  N (CONCURRENT, default 20) sessions at once, each proposing its own intent
"""
import asyncio, json, os, subprocess, sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

BIN = os.environ["CLEARANCE_BIN"]
REPO = os.environ["CLEARANCE_REPO_DIR"]


def intent(run, target="feature-flags", env="prod", extra=""):
    return (
        "apiVersion: clearance/v1\nkind: Intent\n"
        f"metadata: {{agent: deploy-bot, run: {run}}}\n"
        f"spec:\n  action: file.write\n  environment: {env}\n  targets: [{target}]\n"
        "  params: {path: notes.txt, content: hello}\n  reason: mcp test\n"
        f"  risk: {{reversible: true}}\n{extra}"
    )


def params():
    env = {k: v for k, v in os.environ.items() if k.startswith(("CLEARANCE_", "XDG_", "NO_COLOR", "PATH", "HOME"))}
    return StdioServerParameters(command=BIN, args=["mcp", "--repo", REPO], env=env, cwd=REPO)


def content(result):
    return {"is_error": bool(result.is_error), "structured": result.structured_content}


async def tour():
    out = {}
    async with stdio_client(params()) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            out["server"] = init.server_info.name
            out["instructions"] = init.instructions
            tools = await session.list_tools()
            out["tools"] = sorted(t.name for t in tools.tools)
            out["propose_schema"] = next(t.input_schema for t in tools.tools if t.name == "propose")
            resources = await session.list_resources()
            out["resources"] = sorted(str(r.uri) for r in resources.resources)
            schema = await session.read_resource("clearance://schema/intent")
            out["schema_title"] = json.loads(schema.contents[0].text).get("title")
            good = await session.call_tool("propose", {"intent": intent("mcp-tour")})
            out["propose"] = content(good)
            as_object = await session.call_tool("propose", {"intent": {
                "apiVersion": "clearance/v1", "kind": "Intent",
                "metadata": {"agent": "deploy-bot", "run": "mcp-object"},
                "spec": {"action": "file.write", "environment": "staging", "targets": ["feature-flags"],
                         "params": {"path": "o.txt", "content": "x"}, "reason": "as an object",
                         "risk": {"reversible": True}}}})
            out["propose_object"] = content(as_object)
            bad = await session.call_tool("propose", {"intent": intent("mcp-bad").replace("environment: prod", "environmnt: prod")})
            out["propose_bad"] = content(bad)
            pid = good.structured_content["id"]
            out["check"] = content(await session.call_tool("check", {"id": pid}))
            out["explain"] = content(await session.call_tool("explain", {"id": pid}))
            out["status"] = content(await session.call_tool("status", {"id": pid}))
            out["list"] = content(await session.call_tool("list", {"state": "pending"}))
            out["blast"] = content(await session.call_tool("blast", {"targets": ["feature-flags"]}))
            out["services"] = content(await session.call_tool("graph_services", {"owner": "team-platform"}))
            # An id that looks like a flag stays an id.
            out["flag_id"] = content(await session.call_tool("status", {"id": "--repo=/"}))
    return out


async def wait():
    out = {"progress": []}
    async with stdio_client(params()) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            filed = await session.call_tool("propose", {"intent": intent("mcp-wait")})
            pid = filed.structured_content["id"]

            async def approve_later():
                await asyncio.sleep(3)
                argv = [a.replace("{id}", pid) for a in json.loads(os.environ["APPROVE_CMD"])]
                done = await asyncio.to_thread(subprocess.run, argv, capture_output=True, text=True)
                out["approve_exit"] = done.returncode
                out["approve_stderr"] = done.stderr

            async def progress(value, total, message):
                out["progress"].append(message)

            approver = asyncio.create_task(approve_later())
            waited = await session.call_tool("wait", {"id": pid, "timeout": "60s"}, progress_callback=progress)
            await approver
            out["wait"] = content(waited)
    return out


async def one_session(n):
    async with stdio_client(params()) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            result = await session.call_tool("propose", {"intent": intent(f"mcp-concurrent-{n}", env="staging")})
            return content(result)


async def concurrent():
    n = int(os.environ.get("CONCURRENT", "20"))
    results = await asyncio.gather(*(one_session(i) for i in range(n)))
    return {"results": results}


if __name__ == "__main__":
    scenario = {"tour": tour, "wait": wait, "concurrent": concurrent}[sys.argv[1]]
    print(json.dumps(asyncio.run(scenario()), default=str))
