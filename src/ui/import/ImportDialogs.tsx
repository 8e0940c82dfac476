import { FieldMappingDialog } from './FieldMappingDialog';
import { OsmOptionsDialog } from './OsmOptionsDialog';
import { ValidationReport } from './ValidationReport';

/** The import flow's dialogs; each renders only when the store says it is open. */
export function ImportDialogs() {
  return (
    <>
      <OsmOptionsDialog />
      <FieldMappingDialog />
      <ValidationReport />
    </>
  );
}
