import { HttpException, HttpStatus, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { ApiError, badRequest } from '../common/index.js';
import { EXCEL_LIMITS } from './limits.js';

/** The part of multer's file object the imports read. */
export interface UploadedFileData {
  originalname: string;
  buffer: Buffer;
  size: number;
}

// No `storage` and no `dest`: multer keeps the file in memory (a Buffer), capped by fileSize.
const MultipartFile = FileInterceptor('file', {
  limits: { fileSize: EXCEL_LIMITS.uploadBytes, files: 1, fields: 10, parts: 20, fieldSize: 10 * 1024 },
  // File names come as UTF-8 from browsers and curl (台账.xlsx), not latin1.
  defParamCharset: 'utf8',
});

/**
 * Takes the multipart field `file` into memory, at most 5 MB (413 above), and gives multer's
 * refusals the contract's error shape with a message that says what to do.
 */
@Injectable()
export class WorkbookUploadInterceptor implements NestInterceptor {
  private readonly multipart = new MultipartFile();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multipart.intercept(context, next);
    } catch (error) {
      if (!(error instanceof HttpException) || error instanceof ApiError) throw error;
      if (error.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE) {
        const message = `上传的文件超过 ${EXCEL_LIMITS.uploadBytes / 1024 / 1024} MB`;
        throw new ApiError(413, message, [{ field: 'file', code: 'fileTooLarge', message }]);
      }
      const message = '上传格式错误：请用 multipart/form-data，把一个 .xlsx 文件放在字段 file 中';
      throw badRequest(message, [{ field: 'file', code: 'badUpload', message: `${message}（${error.message}）` }]);
    }
  }
}

/** The uploaded file, or a 400 when the request has none. */
export function requireFile(file: UploadedFileData | undefined): { name: string; buffer: Buffer } {
  if (!file || !file.buffer) {
    const message = '缺少上传文件：请把 .xlsx 文件放在 multipart 字段 file 中';
    throw badRequest(message, [{ field: 'file', code: 'fileRequired', message }]);
  }
  const name = (file.originalname || 'upload.xlsx').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200);
  return { name, buffer: file.buffer };
}
