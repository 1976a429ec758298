import { checkIncremental } from '../fuzz/properties';

// Edits where an item depends on text outside its own (a horizon's field, a field's value list, a
// `# Goals` heading above): the editor's incremental analysis must still end where a fresh analysis
// of the text does. Only the last version is compared, so each case ends on the telling edit.
describe('incremental analysis of traces written once for many items', () => {
  const goals = '# Goals\n\n## G1: One\n\n## G2: Two\n';
  const edits = (start: string, ...versions: string[]) => () => checkIncremental({ 'goals.md': goals, 'roadmap.md': start }, 'roadmap.md', versions);
  const roadmap = '# Roadmap\n\n## Now\n\nGoal: G1\n\n### Search\n\n- a detail\n\n## Next\n\n- Import\n- Export\n\n## Later\n\n### Sync\n';

  it('a horizon field changes', edits(roadmap, roadmap.replace('Goal: G1', 'Goal: G2')));
  it('a horizon field goes', edits(roadmap, roadmap.replace('Goal: G1', 'Goal: G2'), roadmap.replace('Goal: G1\n\n', '')));
  it('a horizon field comes', edits(roadmap.replace('Goal: G1\n\n', ''), roadmap));
  it('a field list item is added to a horizon, then edited', () => {
    const withField = roadmap.replace('- Export\n', '- Export\n- Supports: G2\n');
    edits(roadmap, withField)();
    edits(roadmap, withField, withField.replace('Supports: G2', 'Supports: G1'))();
    edits(withField, withField.replace('- Import\n', '- Import — Goal: G1\n'), roadmap)();
  });
  it('a label turns the list below it into values, and back', () => {
    const labelled = roadmap.replace('## Next\n\n', '## Next\n\nGoals:\n\n');
    edits(roadmap, labelled)();
    edits(labelled, labelled.replace('Goals:', 'Notes:'))();
    edits(labelled, labelled.replace('Goals:', 'Goals: G1'))();
  });
  it('lines move above a horizon whose field its items inherit', () => {
    edits(roadmap, roadmap.replace('# Roadmap\n', '# Roadmap\n\nIntro.\n\nMore.\n'))();
    edits(roadmap, roadmap.replace('## Now\n', '## Now\n\nSome words.\n'))();
  });
  it('a heading above goals becomes, and stops being, the heading that holds them', () => {
    const doc = '# Summary\n\nWhy.\n\n# Goals\n\nVision: V\n\n## G1: One\n\n## G2: Two\n';
    const two = `${doc}\n# Objectives\n\n## G3: Three\n`;
    const versions = [doc.replace('# Goals', '# Targets'), doc, doc.replace('## G2', '# G2'), doc.replace('# Summary', '# Intro\n\n## Sub'), two, two.replace('# Objectives', '# Risks')];
    checkIncremental({ 'roadmap.md': '# R\n\n- Item — Goal: G1\n', 'vision.md': '# V\n' }, 'goals.md', [doc, ...versions]);
  });
});
