
use builtin;
use str;

set edit:completion:arg-completer[clearance] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'clearance'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'clearance'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, JSON for programs; `blast` also draws dot and mermaid'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand demo 'Walk through the lifecycle on an embedded example, step by step'
            cand init 'Create a change repository from the built-in templates'
            cand propose 'Propose a change: validate an intent and commit it to the change repository'
            cand list 'List proposals, newest first'
            cand show 'Show one proposal: its intent, state and evidence'
            cand blast 'Show what a change to TARGET would touch: it and everything that depends on it'
            cand check 'Ask the policy about a proposal or an intent file, without writing anything'
            cand policy 'Work with the repository''s policy'
            cand graph 'Check or import the service graph'
            cand schema 'Print the JSON Schema of a document clearance reads'
            cand generate 'Write shell completions or man pages from the command-line model'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;demo'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, JSON for programs; `blast` also draws dot and mermaid'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;init'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, JSON for programs; `blast` also draws dot and mermaid'
            cand --bare 'Create a bare repository (no work tree), e.g. for a server'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;propose'= {
            cand -f 'The intent file, or `-` for standard input'
            cand --file 'The intent file, or `-` for standard input'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, JSON for programs; `blast` also draws dot and mermaid'
            cand --dry-run 'Validate and show the outcome without writing anything'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;list'= {
            cand --state 'Only proposals in this state'
            cand --agent 'Only proposals by this agent'
            cand --env 'Only proposals for this environment'
            cand --target 'Only proposals that target this service'
            cand -n 'Show at most this many'
            cand --limit 'Show at most this many'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, JSON for programs; `blast` also draws dot and mermaid'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;show'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, JSON for programs; `blast` also draws dot and mermaid'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;blast'= {
            cand --env 'The environment the change is for (recorded in the output)'
            cand --depth 'Stop after this many hops from the targets'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, JSON for programs; `blast` also draws dot and mermaid'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;check'= {
            cand -f 'An intent file, or `-` for standard input'
            cand --file 'An intent file, or `-` for standard input'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, JSON for programs; `blast` also draws dot and mermaid'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;policy'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, JSON for programs; `blast` also draws dot and mermaid'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand test 'Run every `test_*` rule in policies/*_test.rego on the branch'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;policy;test'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, JSON for programs; `blast` also draws dot and mermaid'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;policy;help'= {
            cand test 'Run every `test_*` rule in policies/*_test.rego on the branch'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;policy;help;test'= {
        }
        &'clearance;policy;help;help'= {
        }
        &'clearance;graph'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, JSON for programs; `blast` also draws dot and mermaid'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Validate a service graph: the branch''s, or FILE before you commit it'
            cand import 'Build the service graph from another source of truth'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;graph;check'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, JSON for programs; `blast` also draws dot and mermaid'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;graph;import'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, JSON for programs; `blast` also draws dot and mermaid'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand backstage 'Turn Backstage catalog entities (Component, Resource, API, System) into a graph'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;graph;import;backstage'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, JSON for programs; `blast` also draws dot and mermaid'
            cand --commit 'Commit the result as graph/services.yaml on the branch instead of printing it'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;graph;import;help'= {
            cand backstage 'Turn Backstage catalog entities (Component, Resource, API, System) into a graph'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;graph;import;help;backstage'= {
        }
        &'clearance;graph;import;help;help'= {
        }
        &'clearance;graph;help'= {
            cand check 'Validate a service graph: the branch''s, or FILE before you commit it'
            cand import 'Build the service graph from another source of truth'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;graph;help;check'= {
        }
        &'clearance;graph;help;import'= {
            cand backstage 'Turn Backstage catalog entities (Component, Resource, API, System) into a graph'
        }
        &'clearance;graph;help;import;backstage'= {
        }
        &'clearance;graph;help;help'= {
        }
        &'clearance;schema'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, JSON for programs; `blast` also draws dot and mermaid'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;generate'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, JSON for programs; `blast` also draws dot and mermaid'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;help'= {
            cand demo 'Walk through the lifecycle on an embedded example, step by step'
            cand init 'Create a change repository from the built-in templates'
            cand propose 'Propose a change: validate an intent and commit it to the change repository'
            cand list 'List proposals, newest first'
            cand show 'Show one proposal: its intent, state and evidence'
            cand blast 'Show what a change to TARGET would touch: it and everything that depends on it'
            cand check 'Ask the policy about a proposal or an intent file, without writing anything'
            cand policy 'Work with the repository''s policy'
            cand graph 'Check or import the service graph'
            cand schema 'Print the JSON Schema of a document clearance reads'
            cand generate 'Write shell completions or man pages from the command-line model'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;help;demo'= {
        }
        &'clearance;help;init'= {
        }
        &'clearance;help;propose'= {
        }
        &'clearance;help;list'= {
        }
        &'clearance;help;show'= {
        }
        &'clearance;help;blast'= {
        }
        &'clearance;help;check'= {
        }
        &'clearance;help;policy'= {
            cand test 'Run every `test_*` rule in policies/*_test.rego on the branch'
        }
        &'clearance;help;policy;test'= {
        }
        &'clearance;help;graph'= {
            cand check 'Validate a service graph: the branch''s, or FILE before you commit it'
            cand import 'Build the service graph from another source of truth'
        }
        &'clearance;help;graph;check'= {
        }
        &'clearance;help;graph;import'= {
            cand backstage 'Turn Backstage catalog entities (Component, Resource, API, System) into a graph'
        }
        &'clearance;help;graph;import;backstage'= {
        }
        &'clearance;help;schema'= {
        }
        &'clearance;help;generate'= {
        }
        &'clearance;help;help'= {
        }
    ]
    $completions[$command]
}
