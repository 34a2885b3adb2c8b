
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'clearance' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'clearance'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'clearance' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Walk through the lifecycle on an embedded example, step by step')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a change repository from the built-in templates')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Start an intent from a template (restart, scale, rotate a secret, toggle a flag, migrate)')
            [CompletionResult]::new('propose', 'propose', [CompletionResultType]::ParameterValue, 'Propose a change: validate an intent and commit it to the change repository')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List proposals, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one proposal: its intent, state and evidence')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a proposal is cleared, decided or done')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve the agent''s side of clearance over the Model Context Protocol, on stdio')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Run the provider''s dry run and commit it as plan.json (earlier approvals go stale)')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve a proposal by signing exactly what you reviewed')
            [CompletionResult]::new('inbox', 'inbox', [CompletionResultType]::ParameterValue, 'What waits for you: pending proposals your signature would move, most urgent first')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject a proposal: a signed veto by an eligible approver')
            [CompletionResult]::new('withdraw', 'withdraw', [CompletionResultType]::ParameterValue, 'Take a proposal back (the proposing agent, or an admin)')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Execute a cleared change through its provider, exactly once')
            [CompletionResult]::new('rollback', 'rollback', [CompletionResultType]::ParameterValue, 'File a proposal''s rollback as a new proposal, governed like any other')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check evidence, signatures, trust, approvals and quorum; exit 5 on any problem')
            [CompletionResult]::new('checkpoint', 'checkpoint', [CompletionResultType]::ParameterValue, 'Sign a checkpoint of the branch: its head, evidence count and governance entry')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Autonomy metrics per agent: what clears itself, what waits for humans, how long')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Exchange commits with the remote: fetch, replay this clone''s commits on top, push')
            [CompletionResult]::new('evidence', 'evidence', [CompletionResultType]::ParameterValue, 'Work with a proposal''s evidence')
            [CompletionResult]::new('blast', 'blast', [CompletionResultType]::ParameterValue, 'Show what a change to TARGET would touch: it and everything that depends on it')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Ask the policy about a proposal or an intent file, without writing anything')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Work with the repository''s policy')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'Create and inspect signing keys (Ed25519, OpenSSH format)')
            [CompletionResult]::new('trust', 'trust', [CompletionResultType]::ParameterValue, 'Manage who may act: trust/identities.yaml')
            [CompletionResult]::new('governance', 'governance', [CompletionResultType]::ParameterValue, 'Change and inspect the rules: trust, policy, config, providers and the graph')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check this clone and this machine: governance, pin, keys, remote, providers')
            [CompletionResult]::new('graph', 'graph', [CompletionResultType]::ParameterValue, 'Check or import the service graph')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of a document clearance reads')
            [CompletionResult]::new('provider', 'provider', [CompletionResultType]::ParameterValue, 'Providers built into clearance, run as `clearance provider NAME OPERATION`')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write shell completions or man pages from the command-line model')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version (as --version)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'clearance;demo' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;init' {
            [CompletionResult]::new('--admin', '--admin', [CompletionResultType]::ParameterName, 'The first admin''s principal name')
            [CompletionResult]::new('--admin-threshold', '--admin-threshold', [CompletionResultType]::ParameterName, 'Distinct admin signatures a change to the rules needs (capped at the number of admins)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Sign with the key of this name from the OS keyring')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'Sign with this OpenSSH private key file (mode 0600)')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--bare', '--bare', [CompletionResultType]::ParameterName, 'Create a bare repository (no work tree), e.g. for a server')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;new' {
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'KEY=VALUE for a placeholder (repeatable)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List the templates')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;propose' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The intent file, or `-` for standard input')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The intent file, or `-` for standard input')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Sign with the key of this name from the OS keyring')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'Sign with this OpenSSH private key file (mode 0600)')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Validate and show the outcome without writing (or signing) anything')
            [CompletionResult]::new('--push', '--push', [CompletionResultType]::ParameterName, 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]')
            [CompletionResult]::new('--no-push', '--no-push', [CompletionResultType]::ParameterName, 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;list' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only proposals in this state')
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'Only proposals by this agent')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Only proposals for this environment')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Only proposals that target this service')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show at most this many')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most this many')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 5 when some proposal cannot be read (it is listed as `broken` either way)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;show' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;wait' {
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'What to wait for')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (`90s`, `30m`, `2h`)')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Fetch from this remote while waiting [default: the configured remote with `sync: auto`]')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;mcp' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;plan' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Sign with the key of this name from the OS keyring')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'Sign with this OpenSSH private key file (mode 0600)')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--push', '--push', [CompletionResultType]::ParameterName, 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]')
            [CompletionResult]::new('--no-push', '--no-push', [CompletionResultType]::ParameterName, 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;approve' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Sign with the key of this name from the OS keyring')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'Sign with this OpenSSH private key file (mode 0600)')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'A comment stored with (and signed in) the approval')
            [CompletionResult]::new('--comment', '--comment', [CompletionResultType]::ParameterName, 'A comment stored with (and signed in) the approval')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'How long it stays valid, e.g. 4h [default: clearance.yaml defaults.approval_expiry]')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask; required without a terminal')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask; required without a terminal')
            [CompletionResult]::new('--anyway', '--anyway', [CompletionResultType]::ParameterName, 'Sign even when the signature would count for nothing: it fills no missing slot (already cleared, vetoed, or needing other groups) or you sponsor the agent')
            [CompletionResult]::new('--push', '--push', [CompletionResultType]::ParameterName, 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]')
            [CompletionResult]::new('--no-push', '--no-push', [CompletionResultType]::ParameterName, 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;inbox' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Sign with the key of this name from the OS keyring')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'Sign with this OpenSSH private key file (mode 0600)')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;reject' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Sign with the key of this name from the OS keyring')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'Sign with this OpenSSH private key file (mode 0600)')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'A comment stored with (and signed in) the approval')
            [CompletionResult]::new('--comment', '--comment', [CompletionResultType]::ParameterName, 'A comment stored with (and signed in) the approval')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'How long it stays valid, e.g. 4h [default: clearance.yaml defaults.approval_expiry]')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask; required without a terminal')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask; required without a terminal')
            [CompletionResult]::new('--anyway', '--anyway', [CompletionResultType]::ParameterName, 'Sign even when the signature would count for nothing: it fills no missing slot (already cleared, vetoed, or needing other groups) or you sponsor the agent')
            [CompletionResult]::new('--push', '--push', [CompletionResultType]::ParameterName, 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]')
            [CompletionResult]::new('--no-push', '--no-push', [CompletionResultType]::ParameterName, 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;withdraw' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Why, recorded in evidence (`--comment` as in approve)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, recorded in evidence (`--comment` as in approve)')
            [CompletionResult]::new('--comment', '--comment', [CompletionResultType]::ParameterName, 'Why, recorded in evidence (`--comment` as in approve)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Sign with the key of this name from the OS keyring')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'Sign with this OpenSSH private key file (mode 0600)')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--push', '--push', [CompletionResultType]::ParameterName, 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]')
            [CompletionResult]::new('--no-push', '--no-push', [CompletionResultType]::ParameterName, 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;apply' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Sign with the key of this name from the OS keyring')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'Sign with this OpenSSH private key file (mode 0600)')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Re-run a change whose earlier run crashed after `apply-started`')
            [CompletionResult]::new('--push', '--push', [CompletionResultType]::ParameterName, 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]')
            [CompletionResult]::new('--no-push', '--no-push', [CompletionResultType]::ParameterName, 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;rollback' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Sign with the key of this name from the OS keyring')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'Sign with this OpenSSH private key file (mode 0600)')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--push', '--push', [CompletionResultType]::ParameterName, 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]')
            [CompletionResult]::new('--no-push', '--no-push', [CompletionResultType]::ParameterName, 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;verify' {
            [CompletionResult]::new('--bundle', '--bundle', [CompletionResultType]::ParameterName, 'Verify an exported bundle instead of the repository')
            [CompletionResult]::new('--checkpoint', '--checkpoint', [CompletionResultType]::ParameterName, 'Also prove the history extends this checkpoint (from `clearance checkpoint`, kept elsewhere)')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;checkpoint' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Sign with the key of this name from the OS keyring')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'Sign with this OpenSSH private key file (mode 0600)')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--push', '--push', [CompletionResultType]::ParameterName, 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]')
            [CompletionResult]::new('--no-push', '--no-push', [CompletionResultType]::ParameterName, 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;stats' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only proposals from this long ago until now, e.g. 24h, 7d')
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'Only this agent')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;sync' {
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'The git remote [default: `remote:` in clearance.yaml, or origin]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Sign with the key of this name from the OS keyring')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'Sign with this OpenSSH private key file (mode 0600)')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--accept-rewrite', '--accept-rewrite', [CompletionResultType]::ParameterName, 'Accept that the remote''s history was rewritten (an admin''s key; recorded in a signed checkpoint)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;evidence' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write one self-contained bundle (intent, plan, approvals, evidence, public keys, decision) that `clearance verify --bundle` checks with no repository at all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'clearance;evidence;export' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write here instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write here instead of stdout')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;evidence;help' {
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write one self-contained bundle (intent, plan, approvals, evidence, public keys, decision) that `clearance verify --bundle` checks with no repository at all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'clearance;evidence;help;export' {
            break
        }
        'clearance;evidence;help;help' {
            break
        }
        'clearance;blast' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment the change is for (recorded in the output)')
            [CompletionResult]::new('--depth', '--depth', [CompletionResultType]::ParameterName, 'Stop after this many hops from the targets')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show the N most critical services (tier, then depth) [default: what fits the terminal''s height, or 50]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show the N most critical services (tier, then depth) [default: what fits the terminal''s height, or 50]')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show every impacted service')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;check' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'An intent file, or `-` for standard input')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'An intent file, or `-` for standard input')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'Which rules decide: those in force, or the work tree''s (to try edits before signing them)')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;policy' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Run every `test_*` rule in policies/*_test.rego of the work tree (the branch''s in a bare repository): the rules being written, which are not in force until signed')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'clearance;policy;test' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;policy;help' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Run every `test_*` rule in policies/*_test.rego of the work tree (the branch''s in a bare repository): the rules being written, which are not in force until signed')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'clearance;policy;help;test' {
            break
        }
        'clearance;policy;help;help' {
            break
        }
        'clearance;key' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Create a key: in the OS keyring, or with --file as an OpenSSH key file (0600) + .pub')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the keys this machine created (in its keyring, or as files)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a key''s public half and fingerprint (from the keyring, or --file)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print a key''s public half in OpenSSH format')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'clearance;key;new' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Write an OpenSSH private key file (and FILE.pub) instead of using the keyring')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing key of that name')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;key;list' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;key;show' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'file')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;key;export' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'file')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;key;help' {
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Create a key: in the OS keyring, or with --file as an OpenSSH key file (0600) + .pub')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the keys this machine created (in its keyring, or as files)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a key''s public half and fingerprint (from the keyring, or --file)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print a key''s public half in OpenSSH format')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'clearance;key;help;new' {
            break
        }
        'clearance;key;help;list' {
            break
        }
        'clearance;key;help;show' {
            break
        }
        'clearance;key;help;export' {
            break
        }
        'clearance;key;help;help' {
            break
        }
        'clearance;trust' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Trust a principal''s public key in a role (a change to the rules, signed by an admin)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the trusted identities in force')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a principal: its signatures from then on count for nothing (signed by an admin)')
            [CompletionResult]::new('allowed-signers', 'allowed-signers', [CompletionResultType]::ParameterValue, 'Print an OpenSSH allowed_signers file for `ssh-keygen -Y verify` and `git verify-commit`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'clearance;trust;add' {
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'role')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Group for approval quorums (repeatable)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The principal''s OpenSSH public key: the text, or a path to a .pub file')
            [CompletionResult]::new('--sponsor', '--sponsor', [CompletionResultType]::ParameterName, 'For agents: the accountable human')
            [CompletionResult]::new('--allow-action', '--allow-action', [CompletionResultType]::ParameterName, 'For agents: an action it may propose, `rds.*` style (repeatable)')
            [CompletionResult]::new('--allow-env', '--allow-env', [CompletionResultType]::ParameterName, 'For agents: an environment it may act in (repeatable)')
            [CompletionResult]::new('--signer', '--signer', [CompletionResultType]::ParameterName, 'Sign the change with the key of this name from the OS keyring')
            [CompletionResult]::new('--signer-file', '--signer-file', [CompletionResultType]::ParameterName, 'Sign the change with this OpenSSH private key file (mode 0600)')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace an existing entry for this principal')
            [CompletionResult]::new('--push', '--push', [CompletionResultType]::ParameterName, 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]')
            [CompletionResult]::new('--no-push', '--no-push', [CompletionResultType]::ParameterName, 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;trust;list' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;trust;revoke' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When the revocation takes effect (RFC 3339) [default: now]')
            [CompletionResult]::new('--signer', '--signer', [CompletionResultType]::ParameterName, 'Sign the change with the key of this name from the OS keyring')
            [CompletionResult]::new('--signer-file', '--signer-file', [CompletionResultType]::ParameterName, 'Sign the change with this OpenSSH private key file (mode 0600)')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--push', '--push', [CompletionResultType]::ParameterName, 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]')
            [CompletionResult]::new('--no-push', '--no-push', [CompletionResultType]::ParameterName, 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;trust;allowed-signers' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;trust;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Trust a principal''s public key in a role (a change to the rules, signed by an admin)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the trusted identities in force')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a principal: its signatures from then on count for nothing (signed by an admin)')
            [CompletionResult]::new('allowed-signers', 'allowed-signers', [CompletionResultType]::ParameterValue, 'Print an OpenSSH allowed_signers file for `ssh-keygen -Y verify` and `git verify-commit`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'clearance;trust;help;add' {
            break
        }
        'clearance;trust;help;list' {
            break
        }
        'clearance;trust;help;revoke' {
            break
        }
        'clearance;trust;help;allowed-signers' {
            break
        }
        'clearance;trust;help;help' {
            break
        }
        'clearance;governance' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a change to the rules: the work tree''s governed files, or a pending change')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the root, the entry in force, pending changes and unauthorized edits')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'List the entries of the governance log, oldest first')
            [CompletionResult]::new('adopt', 'adopt', [CompletionResultType]::ParameterValue, 'Give a repository made before governance its genesis, signed by its first admin')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'clearance;governance;sign' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Sign with the key of this name from the OS keyring')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'Sign with this OpenSSH private key file (mode 0600)')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'What the change is, in a few words (kept in the log)')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'What the change is, in a few words (kept in the log)')
            [CompletionResult]::new('--add-admin', '--add-admin', [CompletionResultType]::ParameterName, 'Add (or re-key) an admin: NAME=PUBKEY, the key as text or a .pub file (repeatable)')
            [CompletionResult]::new('--remove-admin', '--remove-admin', [CompletionResultType]::ParameterName, 'Remove an admin (repeatable)')
            [CompletionResult]::new('--admin-threshold', '--admin-threshold', [CompletionResultType]::ParameterName, 'Distinct admin signatures that changes to the rules need from now on')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask; required without a terminal')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask; required without a terminal')
            [CompletionResult]::new('--push', '--push', [CompletionResultType]::ParameterName, 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]')
            [CompletionResult]::new('--no-push', '--no-push', [CompletionResultType]::ParameterName, 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;governance;status' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;governance;log' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;governance;adopt' {
            [CompletionResult]::new('--admin', '--admin', [CompletionResultType]::ParameterName, 'The first admin''s principal name [default: the trusted identity holding the key, else `admin`]')
            [CompletionResult]::new('--admin-threshold', '--admin-threshold', [CompletionResultType]::ParameterName, 'Distinct admin signatures a change to the rules needs (capped at the number of admins)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Sign with the key of this name from the OS keyring')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'Sign with this OpenSSH private key file (mode 0600)')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;governance;help' {
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a change to the rules: the work tree''s governed files, or a pending change')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the root, the entry in force, pending changes and unauthorized edits')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'List the entries of the governance log, oldest first')
            [CompletionResult]::new('adopt', 'adopt', [CompletionResultType]::ParameterValue, 'Give a repository made before governance its genesis, signed by its first admin')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'clearance;governance;help;sign' {
            break
        }
        'clearance;governance;help;status' {
            break
        }
        'clearance;governance;help;log' {
            break
        }
        'clearance;governance;help;adopt' {
            break
        }
        'clearance;governance;help;help' {
            break
        }
        'clearance;doctor' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;graph' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate a service graph: the branch''s, or FILE before you commit it')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the services of the graph in force: what intents may name as targets')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Build the service graph from another source of truth')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'clearance;graph;check' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;graph;list' {
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only services this team owns')
            [CompletionResult]::new('--tier', '--tier', [CompletionResultType]::ParameterName, 'Only services of this tier (0 most critical .. 3)')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;graph;import' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('backstage', 'backstage', [CompletionResultType]::ParameterValue, 'Turn Backstage catalog entities (Component, Resource, API, System) into a graph')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'clearance;graph;import;backstage' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Sign with the key of this name from the OS keyring')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'Sign with this OpenSSH private key file (mode 0600)')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--commit', '--commit', [CompletionResultType]::ParameterName, 'Sign the result into force as graph/services.yaml instead of printing it (the key must be a graph maintainer''s or an admin''s)')
            [CompletionResult]::new('--push', '--push', [CompletionResultType]::ParameterName, 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]')
            [CompletionResult]::new('--no-push', '--no-push', [CompletionResultType]::ParameterName, 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;graph;import;help' {
            [CompletionResult]::new('backstage', 'backstage', [CompletionResultType]::ParameterValue, 'Turn Backstage catalog entities (Component, Resource, API, System) into a graph')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'clearance;graph;import;help;backstage' {
            break
        }
        'clearance;graph;import;help;help' {
            break
        }
        'clearance;graph;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate a service graph: the branch''s, or FILE before you commit it')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the services of the graph in force: what intents may name as targets')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Build the service graph from another source of truth')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'clearance;graph;help;check' {
            break
        }
        'clearance;graph;help;list' {
            break
        }
        'clearance;graph;help;import' {
            [CompletionResult]::new('backstage', 'backstage', [CompletionResultType]::ParameterValue, 'Turn Backstage catalog entities (Component, Resource, API, System) into a graph')
            break
        }
        'clearance;graph;help;import;backstage' {
            break
        }
        'clearance;graph;help;help' {
            break
        }
        'clearance;schema' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;provider' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;generate' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;version' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The change repository [default: discovered from the current directory]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The repository''s root (its genesis hash) to check it against, instead of the pin')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another clearance process writing the same repository')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use color (also NO_COLOR)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more: how long the command took')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column in full, however wide the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'clearance;help' {
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Walk through the lifecycle on an embedded example, step by step')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a change repository from the built-in templates')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Start an intent from a template (restart, scale, rotate a secret, toggle a flag, migrate)')
            [CompletionResult]::new('propose', 'propose', [CompletionResultType]::ParameterValue, 'Propose a change: validate an intent and commit it to the change repository')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List proposals, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one proposal: its intent, state and evidence')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a proposal is cleared, decided or done')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve the agent''s side of clearance over the Model Context Protocol, on stdio')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Run the provider''s dry run and commit it as plan.json (earlier approvals go stale)')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve a proposal by signing exactly what you reviewed')
            [CompletionResult]::new('inbox', 'inbox', [CompletionResultType]::ParameterValue, 'What waits for you: pending proposals your signature would move, most urgent first')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject a proposal: a signed veto by an eligible approver')
            [CompletionResult]::new('withdraw', 'withdraw', [CompletionResultType]::ParameterValue, 'Take a proposal back (the proposing agent, or an admin)')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Execute a cleared change through its provider, exactly once')
            [CompletionResult]::new('rollback', 'rollback', [CompletionResultType]::ParameterValue, 'File a proposal''s rollback as a new proposal, governed like any other')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check evidence, signatures, trust, approvals and quorum; exit 5 on any problem')
            [CompletionResult]::new('checkpoint', 'checkpoint', [CompletionResultType]::ParameterValue, 'Sign a checkpoint of the branch: its head, evidence count and governance entry')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Autonomy metrics per agent: what clears itself, what waits for humans, how long')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Exchange commits with the remote: fetch, replay this clone''s commits on top, push')
            [CompletionResult]::new('evidence', 'evidence', [CompletionResultType]::ParameterValue, 'Work with a proposal''s evidence')
            [CompletionResult]::new('blast', 'blast', [CompletionResultType]::ParameterValue, 'Show what a change to TARGET would touch: it and everything that depends on it')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Ask the policy about a proposal or an intent file, without writing anything')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Work with the repository''s policy')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'Create and inspect signing keys (Ed25519, OpenSSH format)')
            [CompletionResult]::new('trust', 'trust', [CompletionResultType]::ParameterValue, 'Manage who may act: trust/identities.yaml')
            [CompletionResult]::new('governance', 'governance', [CompletionResultType]::ParameterValue, 'Change and inspect the rules: trust, policy, config, providers and the graph')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check this clone and this machine: governance, pin, keys, remote, providers')
            [CompletionResult]::new('graph', 'graph', [CompletionResultType]::ParameterValue, 'Check or import the service graph')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of a document clearance reads')
            [CompletionResult]::new('provider', 'provider', [CompletionResultType]::ParameterValue, 'Providers built into clearance, run as `clearance provider NAME OPERATION`')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write shell completions or man pages from the command-line model')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version (as --version)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'clearance;help;demo' {
            break
        }
        'clearance;help;init' {
            break
        }
        'clearance;help;new' {
            break
        }
        'clearance;help;propose' {
            break
        }
        'clearance;help;list' {
            break
        }
        'clearance;help;show' {
            break
        }
        'clearance;help;wait' {
            break
        }
        'clearance;help;mcp' {
            break
        }
        'clearance;help;plan' {
            break
        }
        'clearance;help;approve' {
            break
        }
        'clearance;help;inbox' {
            break
        }
        'clearance;help;reject' {
            break
        }
        'clearance;help;withdraw' {
            break
        }
        'clearance;help;apply' {
            break
        }
        'clearance;help;rollback' {
            break
        }
        'clearance;help;verify' {
            break
        }
        'clearance;help;checkpoint' {
            break
        }
        'clearance;help;stats' {
            break
        }
        'clearance;help;sync' {
            break
        }
        'clearance;help;evidence' {
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write one self-contained bundle (intent, plan, approvals, evidence, public keys, decision) that `clearance verify --bundle` checks with no repository at all')
            break
        }
        'clearance;help;evidence;export' {
            break
        }
        'clearance;help;blast' {
            break
        }
        'clearance;help;check' {
            break
        }
        'clearance;help;policy' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Run every `test_*` rule in policies/*_test.rego of the work tree (the branch''s in a bare repository): the rules being written, which are not in force until signed')
            break
        }
        'clearance;help;policy;test' {
            break
        }
        'clearance;help;key' {
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Create a key: in the OS keyring, or with --file as an OpenSSH key file (0600) + .pub')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the keys this machine created (in its keyring, or as files)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a key''s public half and fingerprint (from the keyring, or --file)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print a key''s public half in OpenSSH format')
            break
        }
        'clearance;help;key;new' {
            break
        }
        'clearance;help;key;list' {
            break
        }
        'clearance;help;key;show' {
            break
        }
        'clearance;help;key;export' {
            break
        }
        'clearance;help;trust' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Trust a principal''s public key in a role (a change to the rules, signed by an admin)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the trusted identities in force')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a principal: its signatures from then on count for nothing (signed by an admin)')
            [CompletionResult]::new('allowed-signers', 'allowed-signers', [CompletionResultType]::ParameterValue, 'Print an OpenSSH allowed_signers file for `ssh-keygen -Y verify` and `git verify-commit`')
            break
        }
        'clearance;help;trust;add' {
            break
        }
        'clearance;help;trust;list' {
            break
        }
        'clearance;help;trust;revoke' {
            break
        }
        'clearance;help;trust;allowed-signers' {
            break
        }
        'clearance;help;governance' {
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a change to the rules: the work tree''s governed files, or a pending change')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the root, the entry in force, pending changes and unauthorized edits')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'List the entries of the governance log, oldest first')
            [CompletionResult]::new('adopt', 'adopt', [CompletionResultType]::ParameterValue, 'Give a repository made before governance its genesis, signed by its first admin')
            break
        }
        'clearance;help;governance;sign' {
            break
        }
        'clearance;help;governance;status' {
            break
        }
        'clearance;help;governance;log' {
            break
        }
        'clearance;help;governance;adopt' {
            break
        }
        'clearance;help;doctor' {
            break
        }
        'clearance;help;graph' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate a service graph: the branch''s, or FILE before you commit it')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the services of the graph in force: what intents may name as targets')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Build the service graph from another source of truth')
            break
        }
        'clearance;help;graph;check' {
            break
        }
        'clearance;help;graph;list' {
            break
        }
        'clearance;help;graph;import' {
            [CompletionResult]::new('backstage', 'backstage', [CompletionResultType]::ParameterValue, 'Turn Backstage catalog entities (Component, Resource, API, System) into a graph')
            break
        }
        'clearance;help;graph;import;backstage' {
            break
        }
        'clearance;help;schema' {
            break
        }
        'clearance;help;provider' {
            break
        }
        'clearance;help;generate' {
            break
        }
        'clearance;help;version' {
            break
        }
        'clearance;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
