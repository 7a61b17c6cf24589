//! The language server's latency: `agentfmt lsp` over stdio, a 100 KB subagent file opened,
//! then changed `runs` times (full synchronisation, as editors send); each sample is the time
//! from writing the `didChange` to reading its `publishDiagnostics`.

use std::io::BufReader;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// A subagent of about `bytes` bytes: front matter with a few problems, then markdown
/// sections (headings, lists, code, links) repeated.
fn text(bytes: usize, variant: usize) -> String {
    let mut t = String::from(
        "---\nname: reviewer\ndescription: Use when: the user asks for a review\ntools: Read, Grepp\ncolour: green\n---\n",
    );
    let mut i = 0;
    while t.len() < bytes {
        t.push_str(&format!(
            "\n## Step {i}\n\nCheck the change ({variant}) against the [guide](docs/guide-{i}.md) and run `cargo test`.\n\n- one item with **bold** text\n- another with `code`\n\n```sh\ncargo clippy -- -D warnings\n```\n"
        ));
        i += 1;
    }
    t
}

fn send(stdin: &mut impl std::io::Write, msg: &Value) -> anyhow::Result<()> {
    let body = msg.to_string();
    write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    stdin.flush()?;
    Ok(())
}

fn recv(out: &mut impl std::io::BufRead) -> anyhow::Result<Value> {
    let mut len = 0;
    loop {
        let mut line = String::new();
        anyhow::ensure!(out.read_line(&mut line)? > 0, "the server closed stdout");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            len = n.parse()?;
        }
    }
    let mut body = vec![0; len];
    out.read_exact(&mut body)?;
    Ok(serde_json::from_slice(&body)?)
}

fn diagnostics(out: &mut impl std::io::BufRead) -> anyhow::Result<usize> {
    loop {
        let m = recv(out)?;
        if m["method"] == "textDocument/publishDiagnostics" {
            return Ok(m["params"]["diagnostics"].as_array().map_or(0, Vec::len));
        }
    }
}

/// Runs the benchmark with the release binary `bin`.
pub fn run(bin: &str, runs: usize) -> anyhow::Result<()> {
    let tmp = std::env::temp_dir().join(format!("agentfmt-bench-lsp-{}", std::process::id()));
    let agents = tmp.join(".claude/agents");
    std::fs::create_dir_all(&agents)?;
    let file = agents.join("reviewer.md");
    let first = text(100_000, 0);
    std::fs::write(&file, &first)?;
    let mut child = Command::new(bin)
        .arg("lsp")
        .current_dir(&tmp)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("piped");
    let mut out = BufReader::new(child.stdout.take().expect("piped"));
    let uri = format!("file://{}", file.display());
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"processId": null, "rootUri": format!("file://{}", tmp.display()), "capabilities": {}}}),
    )?;
    while recv(&mut out)?["id"] != 1 {}
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    )?;
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": first}}}),
    )?;
    let found = diagnostics(&mut out)?;
    let mut samples: Vec<Duration> = Vec::with_capacity(runs);
    for r in 0..runs.max(1) {
        let changed = text(100_000, r + 1);
        let msg = json!({"jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": {"textDocument": {"uri": uri, "version": r + 2}, "contentChanges": [{"text": changed}]}});
        let start = Instant::now();
        send(&mut stdin, &msg)?;
        diagnostics(&mut out)?;
        samples.push(start.elapsed());
    }
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": null}),
    )?;
    while recv(&mut out)?["id"] != 2 {}
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "method": "exit", "params": null}),
    )?;
    child.wait()?;
    let _ = std::fs::remove_dir_all(&tmp);
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "lsp didChange → publishDiagnostics, 100 KB subagent ({found} diagnostics), {} runs: median {:.1} ms, min {:.1} ms, max {:.1} ms (target < 50 ms)",
        samples.len(),
        ms(samples[samples.len() / 2]),
        ms(samples[0]),
        ms(samples[samples.len() - 1])
    );
    Ok(())
}
