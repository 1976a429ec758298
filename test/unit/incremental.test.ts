import { checkIncremental } from '../fuzz/properties';

// Edits where an item's traces come from outside its own text (a horizon's field, a field's value
// list): the editor's incremental analysis must still end where a fresh analysis of the text does.
describe('incremental analysis of traces written once for many items', () => {
  const goals = '# Goals\n\n## G1: One\n\n## G2: Two\n';
  const edits = (start: string, ...versions: string[]) => () => checkIncremental({ 'goals.md': goals, 'roadmap.md': start }, 'roadmap.md', versions);
  const roadmap = '# Roadmap\n\n## Now\n\nGoal: G1\n\n### Search\n\n- a detail\n\n## Next\n\n- Import\n- Export\n\n## Later\n\n### Sync\n';

  it('a horizon field changes, appears and goes', edits(roadmap, roadmap.replace('Goal: G1', 'Goal: G2'), roadmap.replace('Goal: G1\n\n', ''), roadmap));
  it('a field list item is added to, edited in and removed from a horizon', () => {
    const withField = roadmap.replace('- Export\n', '- Export\n- Supports: G2\n');
    edits(roadmap, withField, withField.replace('Supports: G2', 'Supports: G1'), withField.replace('- Import\n', '- Import — Goal: G1\n'), roadmap)();
  });
  it('a label turns the list below it into values, and back', () => {
    const labelled = roadmap.replace('## Next\n\n', '## Next\n\nGoals:\n\n');
    edits(roadmap, labelled, labelled.replace('Goals:', 'Notes:'), labelled.replace('Goals:', 'Goals: G1'), roadmap)();
  });
  it('lines move above a horizon whose field its items inherit', edits(roadmap, roadmap.replace('# Roadmap\n', '# Roadmap\n\nIntro.\n\nMore.\n'), roadmap.replace('### Search\n', '### Search\n\nText.\n')));
});
