//! Parses the files named on the command line (or the bundled reference article) and prints
//! each as pretty JSON: `cargo run --example parse -- examples/fna-webinar.txt`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let paths = if paths.is_empty() { vec!["examples/fna-webinar.txt".to_string()] } else { paths };
    let parser = newswire::Parser::new();
    for path in paths {
        let text = std::fs::read_to_string(&path)?;
        let article = parser.parse(&text)?;
        println!("{}", serde_json::to_string_pretty(&article)?);
    }
    Ok(())
}
