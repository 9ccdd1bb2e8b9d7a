//! Role assignment: each kind of evidence, in order of trust, and calls whose names say
//! nothing (content decides), including inbound calls where the prospect speaks first.

use callscore::rules::RuleSet;
use callscore::transcript::{Role, RoleOverrides, RoleSource, Transcript, parse, roles};

fn assign(text: &str, o: RoleOverrides) -> Transcript {
    let mut t = parse("call.txt", text.as_bytes(), None).unwrap().remove(0);
    roles::assign(&mut t, &o, &RuleSet::default_set().roles);
    t
}

fn reps(t: &Transcript) -> Vec<&str> {
    t.speakers_with(Role::Rep)
}

fn cli(rep: &[&str], prospect: &[&str]) -> RoleOverrides {
    RoleOverrides {
        rep: rep.iter().map(|s| s.to_string()).collect(),
        prospect: prospect.iter().map(|s| s.to_string()).collect(),
    }
}

#[test]
fn content_decides_when_names_say_nothing() {
    let t = assign(
        "A: Hello?\nB: Hi, this is Dana from Acme. The reason for my call is the renewal.\n\
         A: Sure. We're evaluating two vendors.\nB: Tell me about your process.\n",
        RoleOverrides::default(),
    );
    assert_eq!(t.role_source, RoleSource::Content);
    assert_eq!(reps(&t), vec!["B"]);
    assert_eq!(t.speakers_with(Role::Prospect), vec!["A"]);
}

#[test]
fn inbound_call_the_caller_is_the_prospect_even_speaking_first() {
    let t = assign(
        "Speaker 1: Hi, I'm calling about your pricing.\n\
         Speaker 2: Thanks for calling Acme, this is Sam. How can I help?\n\
         Speaker 1: How much does it cost for ten seats?\n",
        RoleOverrides::default(),
    );
    assert_eq!(t.role_source, RoleSource::Content);
    assert_eq!(reps(&t), vec!["Speaker 2"]);
}

#[test]
fn cli_names_one_side_and_everyone_else_is_the_other() {
    let text = "Dana: Hi.\nMarcus: Hello.\nPriya: Hi all.\nDana: Let's start.\n";
    let t = assign(text, cli(&["dana"], &[]));
    assert_eq!(t.role_source, RoleSource::Cli);
    assert_eq!(reps(&t), vec!["Dana"]);
    assert_eq!(t.speakers_with(Role::Prospect), vec!["Marcus", "Priya"]);
    let t = assign(text, cli(&[], &["Marcus"]));
    assert_eq!(reps(&t), vec!["Dana", "Priya"]);
}

#[test]
fn cli_names_absent_from_the_call_fall_through() {
    let t = assign("Rep: Hi.\nCustomer: Hello.\n", cli(&["Dana"], &[]));
    assert_eq!(t.role_source, RoleSource::Name);
    assert_eq!(reps(&t), vec!["Rep"]);
}

#[test]
fn file_roles_beat_content_and_other_speakers_fall_to_names() {
    let t = assign(
        "# rep: Marcus\nCustomer: Hi, this is Dana from Acme.\nMarcus: Hello.\n",
        RoleOverrides::default(),
    );
    assert_eq!(reps(&t), vec!["Marcus"]);
    // The call reports the least trusted evidence it needed: the "Customer" name.
    assert_eq!(t.role_source, RoleSource::Name);
    let t = assign(
        "# prospect: Marcus\nAnn: Hi.\nMarcus: Hello.\nLee: Our budget is set.\n",
        RoleOverrides::default(),
    );
    assert_eq!(reps(&t), vec!["Ann", "Lee"]);
    assert_eq!(t.role_source, RoleSource::File);
}

#[test]
fn name_patterns_decide_and_the_rest_is_the_other_side() {
    let t = assign("Sales Rep: Hi.\nBob: Hello.\n", RoleOverrides::default());
    assert_eq!(t.role_source, RoleSource::Name);
    assert_eq!(reps(&t), vec!["Sales Rep"]);
    assert_eq!(t.speakers_with(Role::Prospect), vec!["Bob"]);
}

#[test]
fn several_reps_by_content() {
    let t = assign(
        "Ann: Hi, this is Ann from Acme, and I have Raj from our solutions team.\n\
         Raj: Our platform connects to your CRM. We help companies like yours.\n\
         Lee: Our budget is set. We're evaluating vendors.\n",
        RoleOverrides::default(),
    );
    assert_eq!(t.role_source, RoleSource::Content);
    assert_eq!(reps(&t), vec!["Ann", "Raj"]);
    assert_eq!(t.speakers_with(Role::Prospect), vec!["Lee"]);
}

#[test]
fn first_speaker_when_nothing_else_says() {
    let t = assign("Ann: Hi.\nLee: Hello.\n", RoleOverrides::default());
    assert_eq!(t.role_source, RoleSource::FirstSpeaker);
    assert_eq!(reps(&t), vec!["Ann"]);
}

#[test]
fn role_cues_come_from_the_rule_file() {
    let rules = RuleSet::from_toml(
        "[roles]\nrep_names = ['^closer']\n[[roles.cues]]\nwhat = 'x'\nrole = 'rep'\nweight = 5\npatterns = ['zebra']\n",
        "custom.toml",
    )
    .unwrap();
    let mut t = parse("c.txt", b"A: hi\nB: zebra time\n", None)
        .unwrap()
        .remove(0);
    roles::assign(&mut t, &RoleOverrides::default(), &rules.roles);
    assert_eq!(reps(&t), vec!["B"]);
    let bad = RuleSet::from_toml("[roles]\nrep_names = ['(']\n", "bad.toml").unwrap_err();
    assert!(
        bad.contains("bad.toml")
            && bad.contains("[roles] rep_names: '(' is not a valid regular expression")
            && bad.contains("fix or remove it")
            && !bad.contains("[roles] [roles]")
            && !bad.contains('\n'),
        "{bad}"
    );
}

#[test]
fn inbound_caller_who_names_their_company_is_still_the_prospect() {
    let t = assign(
        "Laura: hi this is laura from delta fabrication checking on the candidates\n\
         Chris: hi laura thanks for calling i have three for you\n\
         Laura: what are their rates\nChris: thirty an hour\nLaura: can you send me their resumes\n",
        RoleOverrides::default(),
    );
    assert_eq!(t.role_source, RoleSource::Content);
    assert_eq!(reps(&t), vec!["Chris"]);
}

#[test]
fn a_reps_discovery_question_is_not_a_prospect_cue() {
    let t = assign(
        "Nora: Hi, I need a quote for home insurance. Our current insurer dropped us.\n\
         Felix: You called the right place. Do you have a fire inspection report?\n\
         Nora: Yes. Does that lower the price?\nFelix: It can; we apply a discount.\n",
        RoleOverrides::default(),
    );
    assert_eq!(reps(&t), vec!["Felix"]);
}

#[test]
fn content_cues_read_contractions() {
    // "what's" and "I'd" as speakers write them: the cues' alternatives carry their own space.
    let t = assign(
        "A: Morning.\nB: Morning. What's your biggest headache with payroll?\n\
         A: Honestly the overtime. I'd like a quote for forty seats.\nB: Sure.\n",
        RoleOverrides::default(),
    );
    assert_eq!(t.role_source, RoleSource::Content);
    assert_eq!(reps(&t), vec!["B"]);
    assert_eq!(t.speakers_with(Role::Prospect), vec!["A"]);
}

#[test]
fn content_cues_read_non_ascii_names_as_ascii_ones() {
    // The built-in cues run ASCII engines on ASCII text and build their Unicode engines at the
    // first text that is not: a rep whose only cue is an introduction with an accented name
    // (`\w+` must take "Renée" whole) is found as the same rep named "Renee" is.
    for name in ["Renee", "Renée", "Zoë Ångström"] {
        let t = assign(
            &format!(
                "A: Hello?\nB: Hi, this is {name} from Acme, do you have a minute?\n\
                 A: I do.\nB: Thanks.\n"
            ),
            RoleOverrides::default(),
        );
        assert_eq!(t.role_source, RoleSource::Content, "{name}");
        assert_eq!(reps(&t), vec!["B"], "{name}");
    }
}
